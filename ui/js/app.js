// graphwiz UI: language selection, text rendering from the i18n catalogs, the Start screen's
// choices, and the version footer (only inside the Tauri app; a plain browser shows no footer).
"use strict";

(function () {
  const CATALOGS = window.GRAPHWIZ_I18N || {};
  const LANGS = ["en", "de"];
  const STORAGE_KEY = "graphwiz.lang";

  const state = { lang: "en", note: null, info: null };

  /** Language from an explicit earlier choice, else from the system (de* → German). */
  function initialLanguage() {
    try {
      const saved = window.localStorage.getItem(STORAGE_KEY);
      if (LANGS.includes(saved)) return saved;
    } catch (_) {
      // Storage can be unavailable (private mode); the system language then decides.
    }
    const wanted = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    return wanted.toLowerCase().startsWith("de") ? "de" : "en";
  }

  /** Text for a key in the current language; English, then the key itself, as fallbacks. */
  function t(key, params) {
    const text = (CATALOGS[state.lang] || {})[key] ?? (CATALOGS.en || {})[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (params && name in params ? String(params[name]) : m));
  }

  function render() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => {
      el.textContent = t(el.dataset.i18n);
    });
    document.querySelectorAll("[data-i18n-aria-label]").forEach((el) => {
      el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
    });
    document.querySelectorAll("[data-lang]").forEach((btn) => {
      btn.setAttribute("aria-pressed", String(btn.dataset.lang === state.lang));
    });

    const note = document.querySelector('[data-testid="start-note"]');
    if (state.note) {
      note.textContent = t("start.later", { choice: t("start." + state.note + ".title") });
      note.hidden = false;
    } else {
      note.hidden = true;
    }

    const footer = document.querySelector('[data-testid="app-version"]');
    if (state.info) {
      footer.textContent = t("footer.versions", {
        version: state.info.version,
        core: state.info.core_version,
      });
      footer.hidden = false;
    }
  }

  function setLanguage(lang) {
    state.lang = lang;
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch (_) {
      // Not persisted; the choice still holds for this session.
    }
    render();
  }

  async function loadAppInfo() {
    const invoke = window.__TAURI__ && window.__TAURI__.core && window.__TAURI__.core.invoke;
    if (typeof invoke !== "function") return; // plain browser preview: no app behind the page
    try {
      state.info = await invoke("app_info");
      render();
    } catch (err) {
      console.error("app_info failed", err);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    state.lang = initialLanguage();

    document.querySelectorAll("[data-lang]").forEach((btn) => {
      btn.addEventListener("click", () => setLanguage(btn.dataset.lang));
    });
    document.querySelectorAll("[data-choice]").forEach((btn) => {
      btn.addEventListener("click", () => {
        state.note = btn.dataset.choice;
        render();
        document.querySelector('[data-testid="start-note"]').scrollIntoView({ block: "nearest" });
      });
    });

    render();
    loadAppInfo();
  });
})();
