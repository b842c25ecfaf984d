// Size: one file of over 2,000 lines, kept whole on purpose for now. Splitting it into ES modules
// (helpers and texts, calls, one module per screen, wiring) is part of the reorganisation issue
// (#27, item 3), which changes how the shell loads the page (module scripts under the CSP) and
// is tested as one piece there; splitting it beside feature work would only move the lines.
// graphwiz UI: renders the wizard's View from the core (graphwiz_core::desktop) and sends the
// admin's actions to the app's commands. It decides nothing itself: steps, validation, checks,
// what is offered and what is exported all come from the core. Every text comes from the core's
// message catalogs: the app's own texts as parts to fill in (start_state / ui_texts, by key, in
// the UI's language), check summaries and fixes worded by the core in the UI's language, shown
// as they are with a label around them. The DOM is built with textContent only (no HTML strings), and
// no inline styles or scripts are used, so the strict CSP holds. The client secret is only ever
// sent to the app (validate_field, save_azure_app); no command returns it.
//
// Why this file is long (about 2,000 lines): it is one render function per screen (Azure app,
// permissions, mailboxes, live and pickup test, expiry and rotation, Genesys Cloud, summary,
// profiles, troubleshooter) plus their event wiring, sharing one state and one set of helpers
// inside a single closure; the UI has no build step and the CSP allows only the app's own
// scripts, so splitting it means several script files sharing globals. That split, one file per
// screen, is the next step when a screen is added.
"use strict";

(function () {
  const LANGS = ["en", "de"];
  const STORAGE_KEY = "graphwiz.lang";
  const PHASES = ["sending", "waiting", "marking_read", "cleaning_up"];
  // The pickup test's pills: sent → arrived → fetched by Genesys Cloud → interaction found. The
  // core's progress phase says which pill is active; its checks say how each came out.
  const PICKUP_PHASES = ["sent", "arrived", "fetched", "interaction"];
  const PICKUP_PROGRESS = { checking: -1, sending: 0, waiting: 1, waiting_pickup: 2, finding_interaction: 3, ending_interaction: 4, cleaning_up: 4 };
  const tauri = window.__TAURI__;
  const invoke = tauri && tauri.core && tauri.core.invoke;

  const state = {
    lang: "en",
    texts: {}, // the app's texts in state.lang: key -> parts (from the core's catalogs)
    info: null,
    view: null,
    screen: null, // null: the view's step; "profiles": the profiles list
    profiles: null,
    scenarios: [],
    genesysScenarios: [],
    busy: null, // { key, cancellable, detail }
    error: null, // { code, message, extra }
    problems: {}, // field -> [FieldProblem]
    progress: null, // ProgressView while the live test runs
    genesysProgress: null, // GenesysProgressView while the integration restarts
    liveMode: null, // "live" or "pickup" on the live-test step (null: as the last result)
    pickupConfirm: false, // the pickup test's warning is shown, waiting for the admin's go-ahead
    pickupProgress: null, // PickupProgressView while the pickup test runs
    troubleshoot: null, // TroubleshootView from the core
    tsSymptom: null, // the symptom picked in the troubleshooter
    tsProgress: null, // DiagnoseProgressView while a walk runs
    tsFilter: "", // the help panel's search text
    notes: {}, // element name (data-ui) -> text
    pasted: {}, // field -> true right after a paste
    confirmRemove: null,
    recheck: null, // RecheckProgressView of the running (or last) re-check of saved profiles
    // A production change waiting for the admin's yes: { kind: "restart" | "remove_genesys" |
    // "rotate" | "roll_back", months }. Nothing is changed before the yes.
    confirm: null,
    shownStep: null,
    reminders: [], // reminder banners (BannerView) from the shell
    importPreview: null, // ImportPreview from the core while the admin decides
    background: null, // { autostart, autostart_error }
  };

  // ---------------------------------------------------------------- helpers
  // The app finds its elements by their own names (data-ui); data-testid is for the tests only.
  const $ = (name) => document.querySelector('[data-ui="' + name + '"]');

  function has(key) {
    return key in state.texts;
  }

  /** Text for a key in the current language; English, then the key itself, as fallbacks. */
  // Fills in a text's parts (see graphwiz_core::i18n::ui): literal text, an argument's value
  // (numbers in the language's form), or a choice on an argument by the number itself or its
  // plural category, as Fluent chooses.
  function fill(parts, params) {
    let out = "";
    for (const p of parts) {
      if (typeof p === "string") {
        out += p;
      } else if ("var" in p) {
        const v = params ? params[p.var] : undefined;
        if (typeof v === "number") out += new Intl.NumberFormat(state.lang, { maximumFractionDigits: 1, useGrouping: false }).format(v);
        else if (v !== undefined && v !== null) out += String(v);
      } else if ("select" in p) {
        const v = params ? params[p.select] : undefined;
        const n = typeof v === "number" ? v : Number(v);
        let chosen = p.variants[String(v)];
        if (!chosen && Number.isFinite(n)) chosen = p.variants[new Intl.PluralRules(state.lang).select(n)];
        out += fill(chosen || p.variants[p.default] || [], params);
      }
    }
    return out;
  }

  function t(key, params) {
    const parts = state.texts[key];
    return parts ? fill(parts, params) : key;
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") el.textContent = v;
      else if (k === "class") el.className = v;
      else if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c) el.append(c);
    return el;
  }

  function show(el, visible) {
    if (el) el.hidden = !visible;
  }

  function fmtDateTime(iso) {
    if (!iso) return "";
    try {
      return new Intl.DateTimeFormat(state.lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
    } catch (_) {
      return iso;
    }
  }

  function fmtDate(iso) {
    if (!iso) return "";
    try {
      return new Intl.DateTimeFormat(state.lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
    } catch (_) {
      return iso;
    }
  }

  function fmtList(items) {
    try {
      return new Intl.ListFormat(state.lang, { style: "long", type: "conjunction" }).format(items.map(String));
    } catch (_) {
      return items.join(", ");
    }
  }

  // ---------------------------------------------------------------- commands
  /** Calls an app command; shows progress while it runs and the error when it fails. */
  async function call(cmd, args, busyKey, cancellable) {
    if (typeof invoke !== "function") return { ok: false };
    if (busyKey) setBusy({ key: busyKey, cancellable: !!cancellable });
    if (busyKey) state.error = null;
    try {
      const value = await invoke(cmd, args || {});
      return { ok: true, value };
    } catch (err) {
      const e = typeof err === "object" && err ? err : { code: "generic", message: String(err) };
      if (e.code !== "cancelled") state.error = e;
      return { ok: false, error: e };
    } finally {
      if (busyKey) setBusy(null);
      render();
    }
  }

  function setBusy(b) {
    state.busy = b;
    const busy = !!b;
    document.body.classList.toggle("is-busy", busy);
    if (busy) {
      for (const sel of [".rail", ".screen:not([hidden])", ".wizard-nav", ".demo-banner"]) {
        document.querySelectorAll(sel).forEach((el) => el.setAttribute("inert", ""));
      }
    } else {
      document.querySelectorAll("[inert]").forEach((el) => el.removeAttribute("inert"));
    }
    renderBusy();
  }

  function setView(v) {
    if (!v) return;
    const stepChanged = !state.view || state.view.step !== v.step;
    state.view = v;
    if (stepChanged) {
      state.problems = {};
      state.fixPlan = null;
      state.fixNote = null;
      state.confirm = null;
    }
  }

  // ---------------------------------------------------------------- language
  function initialLanguage() {
    try {
      const saved = window.localStorage.getItem(STORAGE_KEY);
      if (LANGS.includes(saved)) return saved;
    } catch (_) {
      // Storage can be unavailable; the system language then decides.
    }
    const wanted = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    return wanted.toLowerCase().startsWith("de") ? "de" : "en";
  }

  async function setLanguage(lang) {
    const texts = await quiet("ui_texts", { lang });
    if (!texts.ok) return; // the texts of the old language stay, and so does the language
    state.lang = lang;
    state.texts = texts.value;
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch (_) {
      // Not persisted; the choice still holds for this session.
    }
    render();
    // The core words check results in the UI's language: fetch them again in the new one.
    quiet("set_language", { lang }).then(async () => {
      // An error on screen is worded again in the new language.
      const shown = state.error;
      if (shown && shown.msg) {
        const worded = await quiet("word_message", { msg: shown.msg });
        if (worded.ok && state.error === shown) {
          shown.text = worded.value;
          renderError();
        }
      }
      await refreshFormFromCore();
      if (state.troubleshoot) await refreshTroubleshoot();
    });
  }

  function renderStatic() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => {
      el.textContent = t(el.dataset.i18n);
    });
    document.querySelectorAll("[data-i18n-aria-label]").forEach((el) => {
      el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
    });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
    });
    document.querySelectorAll("[data-lang]").forEach((btn) => {
      btn.setAttribute("aria-pressed", String(btn.dataset.lang === state.lang));
    });
    const footer = $("app-version");
    if (state.info) {
      footer.textContent = t("footer.versions", {
        version: state.info.version,
        commit: state.info.commit || "unknown",
        date: state.info.build_date || "unknown",
      });
      footer.title = t("footer.core", { core: state.info.core_version });
      footer.hidden = false;
    }
  }

  // ---------------------------------------------------------------- rendering
  function currentScreen() {
    if (state.screen) return state.screen;
    return state.view ? state.view.step : "start";
  }

  function render() {
    renderStatic();
    const screen = currentScreen();
    document.querySelectorAll("[data-screen]").forEach((el) => {
      el.hidden = el.dataset.screen !== screen;
    });
    renderRail(screen);
    renderDemo();
    renderBusy();
    renderError();
    renderReminders();
    renderNotices();
    const v = state.view;
    if (v) {
      renderAzure(v);
      renderPermissions(v);
      renderMailboxes(v);
      renderLive(v);
      renderExpiry(v);
      renderGenesys(v);
      renderSummary(v);
    }
    renderTroubleshoot();
    renderImport();
    renderProfiles();
    renderNav(screen);
    renderNotes();
    labelStates();
    if (state.shownStep !== screen) {
      const prev = state.shownStep;
      state.shownStep = screen;
      if (screen === "azure-app") fillAzureForm();
      if (screen === "genesys") fillGenesysForm();
      if (prev !== null) {
        const title = document.querySelector('[data-screen="' + screen + '"] h1');
        if (title) title.focus({ preventScroll: true });
        const main = $("wizard-nav") && document.getElementById("main");
        if (main) main.scrollTop = 0;
      }
    }
  }

  // The rail draws the core's verdict of each step (passed / warning / failed / not run) and
  // whether it can be reached; the glyph and the accessible name say it, not only the colour.
  function renderRail(screen) {
    const v = state.view;
    const steps = (v && v.steps) || [];
    document.querySelectorAll(".steps li").forEach((li) => {
      const sv = steps.find((s) => s.step === li.dataset.step);
      const btn = li.querySelector("button");
      const current = screen === li.dataset.step;
      if (current) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
      const verdict = sv && sv.status !== "none" ? sv.status : "";
      li.dataset.status = verdict;
      const reachable = sv ? sv.reachable : li.dataset.step === "start";
      btn.disabled = !reachable;
      const words = [];
      if (current) words.push(t("rail.current"));
      if (verdict) words.push(t("rail.status." + verdict));
      if (!reachable) words.push(t("rail.locked"));
      btn.setAttribute("aria-label", t(li.querySelector(".label").dataset.i18n) + (words.length ? " (" + words.join(", ") + ")" : ""));
    });
    $("rail-profiles").classList.toggle("active", screen === "profiles");
    $("rail-troubleshoot").classList.toggle("active", screen === "troubleshoot");
  }

  function renderDemo() {
    const v = state.view;
    const demo = v && v.demo;
    show($("demo-banner"), !!demo);
    const desc = $("demo-scenario-desc");
    if (!demo) {
      show(desc, false);
      return;
    }
    const sel = $("demo-scenario");
    if (sel.options.length !== state.scenarios.length) {
      sel.replaceChildren(...state.scenarios.map((s) => h("option", { value: s.name })));
    }
    Array.from(sel.options).forEach((o) => {
      o.textContent = has("scenario." + o.value) ? t("scenario." + o.value) : o.value;
    });
    sel.value = demo.scenario;
    const gpick = $("demo-genesys-pick");
    const gsel = $("demo-genesys-scenario");
    show(gpick, !!demo.genesys_scenario && state.genesysScenarios.length > 0);
    if (gsel.options.length !== state.genesysScenarios.length) {
      gsel.replaceChildren(...state.genesysScenarios.map((s) => h("option", { value: s.name })));
    }
    Array.from(gsel.options).forEach((o) => {
      o.textContent = has("gscenario." + o.value) ? t("gscenario." + o.value) : o.value;
    });
    if (demo.genesys_scenario) gsel.value = demo.genesys_scenario;
    const info = state.scenarios.find((s) => s.name === demo.scenario);
    desc.textContent = has("scenario." + demo.scenario + ".desc")
      ? t("scenario." + demo.scenario + ".desc")
      : info
        ? info.description
        : "";
    show(desc, true);
  }

  function renderBusy() {
    const b = state.busy;
    show($("busy"), !!b);
    if (b) $("busy-text").textContent = t("busy." + b.key) + (b.detail ? " " + b.detail : "");
    show($("busy-cancel"), !!(b && b.cancellable));
  }

  function renderError() {
    const e = state.error;
    show($("error-banner"), !!e);
    if (!e) return;
    const key = "error." + e.code;
    $("error-title").textContent = has(key) ? t(key) : t("error.generic");
    // The core words its errors in the UI's language (`text`); `message` is its English form.
    let text = e.extra || e.text || e.message || "";
    if (e.code === "invalid") text = "";
    $("error-text").textContent = text;
    $("error-text").setAttribute("lang", e.extra || e.text ? state.lang : "en");
    // A secret deleted from the keychain behind the app's back: the way back is the Azure app step.
    const action = $("error-action");
    show(action, e.code === "secret_missing");
    action.textContent = t("error.secret_missing_action");
  }

  /** Reminder banners: reminders the shell kept for the window (no notification server, or one
   *  that can't report clicks). The button opens the profile's Secret expiry step. */
  function renderReminders() {
    const list = $("reminder-banners");
    const items = state.reminders || [];
    show(list, items.length > 0);
    list.replaceChildren(
      ...items.map((r) => {
        const n = r.days_left;
        const title =
          n < 0
            ? t("reminder.title_expired", { n: -n })
            : n === 0
              ? t("reminder.title_today")
              : n === 1
                ? t("reminder.title_day")
                : t("reminder.title_days", { n });
        return h(
          "li",
          { class: "reminder reminder-" + (n <= 7 ? "urgent" : "soon"), "data-testid": "reminder-banner", "data-profile": r.profile, "data-via": r.via, role: "status" },
          h(
            "div",
            { class: "reminder-text" },
            h("strong", { "data-testid": "reminder-title", text: title + " — " + t("reminder.who", { tenant: r.tenant, app: r.profile }) }),
            h("span", { class: "muted small", text: t(r.via === "window" ? "reminder.via_window" : "reminder.via_notification") }),
          ),
          h(
            "div",
            { class: "reminder-actions" },
            h("button", { type: "button", class: "btn btn-small btn-primary", "data-testid": "reminder-open", text: t("reminder.open"), on: { click: () => openReminder(r) } }),
            h("button", { type: "button", class: "btn btn-small", "data-testid": "reminder-troubleshoot", text: t("ts.nav"), on: { click: () => openReminder(r, true) } }),
            h("button", { type: "button", class: "btn btn-small", "data-testid": "reminder-rotate", text: t("rot.start"), on: { click: () => openReminder(r, false, true) } }),
            h("button", { type: "button", class: "btn btn-small btn-quiet", "data-testid": "reminder-dismiss", text: t("reminder.dismiss"), on: { click: () => dismissReminder(r) } }),
          ),
        );
      }),
    );
  }

  /** Notices from the core (e.g. an interrupted Genesys restart finished at start). */
  function renderNotices() {
    const list = (state.view && state.view.notices) || [];
    // Open rotations of saved profiles (the journal), offered until resumed or rolled back.
    const open = (state.view && state.view.rotation && state.view.rotation.pending) || [];
    show($("notices"), list.length + open.length > 0);
    show($("notices-dismiss"), list.length > 0);
    $("notice-list").replaceChildren(...list.map((c) => checkItem(c, { testid: "notice-" + c.id })));
    $("rotation-notices").replaceChildren(
      ...open.map((o) =>
        h(
          "li",
          { class: "rotation-notice", "data-testid": "rotation-notice", "data-profile": o.profile },
          h("span", { text: t("rot.notice", { profile: o.profile, stage: rotStage(o.stage), date: fmtDateTime(o.started_at) }) + " " }),
          h("button", { type: "button", class: "btn btn-small btn-primary", "data-testid": "rotation-notice-open", text: t("rot.notice_open"), on: { click: () => openRotation(o.profile) } }),
        ),
      ),
    );
  }

  function rotStage(stage) {
    return has("rot.stage." + stage) ? t("rot.stage." + stage) : stage;
  }

  function renderNotes() {
    for (const id of ["summary-export-note", "summary-export-error", "expiry-calendar-note", "copy-note"]) {
      const el = $(id);
      const text = state.notes[id];
      show(el, !!text);
      if (text) el.textContent = text;
    }
  }

  function renderNav(screen) {
    const inWizard = screen !== "start" && screen !== "profiles" && screen !== "troubleshoot";
    show($("wizard-nav"), inWizard);
    show($("wizard-next"), inWizard && screen !== "summary");
    $("wizard-next").textContent = screen === "azure-app" ? t("action.save_next") : t("action.next");
  }

  /** The problems shown under a field: from live validation or from the last refused Next. */
  function problemKey(p) {
    if (!p.code) return null;
    const specific = "problem." + p.code + "." + p.field;
    if (has(specific)) return specific;
    return has("problem." + p.code) ? "problem." + p.code : null;
  }

  function problemText(p) {
    if (p.text) return p.text; // worded by the core in the UI's language
    const key = problemKey(p);
    return key ? t(key, { n: p.n }) : p.label + ": " + p.message;
  }

  /** One message per field, next to it: its first error, else its first warning. */
  function oneProblem(list) {
    const all = list || [];
    const first = all.find((p) => p.severity === "error") || all[0];
    return first ? [first] : [];
  }

  function renderProblems(field, list) {
    const box = $("problems-" + field);
    if (!box) return;
    box.replaceChildren(
      ...oneProblem(list).map((p) =>
        h(
          "p",
          { class: "problem problem-" + p.severity, "data-code": p.code || "", lang: problemKey(p) || p.text ? null : "en" },
          h("span", { class: "problem-icon", "aria-hidden": "true", text: p.severity === "error" ? "!" : "i" }),
          h("span", { text: problemText(p) }),
        ),
      ),
    );
    const input = document.querySelector('[aria-describedby~="p-' + field + '"]');
    if (input) input.setAttribute("aria-invalid", String((list || []).some((p) => p.severity === "error")));
  }

  /** A fix as shown: a part written between backticks (`like this`) is a command, shown as code
   *  on one line (scrolled sideways when long) with a button that copies it; the punctuation
   *  right around it stays on its line. Text only. */
  function fixText(text, attrs) {
    const parts = String(text).split("`");
    // An unpaired backtick stays as it is.
    if (parts.length % 2 === 0) {
      const last = parts.pop();
      parts.push(parts.pop() + "`" + last);
    }
    const out = [];
    let rest = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const open = /[(\[„“"'‘«]*$/.exec(rest)[0];
      out.push(rest.slice(0, rest.length - open.length));
      const close = /^[)\]“”"'’».,;:!?]*/.exec(parts[i + 1])[0];
      out.push(fixCommand(parts[i], open, close));
      rest = parts[i + 1].slice(close.length);
    }
    out.push(rest);
    return h("p", Object.assign({ class: "fix-text" }, attrs), ...out);
  }

  function fixCommand(cmd, open, close) {
    const code = h("code", { class: "cmd-code", tabindex: "0", text: cmd });
    const note = h("span", { class: "cmd-note", role: "status", "data-testid": "copy-command-note" });
    const copy = h("button", {
      type: "button",
      class: "btn btn-small cmd-copy",
      "data-testid": "copy-command",
      "aria-label": t("action.copy_command"),
      text: t("action.copy"),
      on: { click: () => copyCommand(cmd, code, note) },
    });
    const punct = (p) => (p ? h("span", { class: "cmd-punct", text: p }) : null);
    return h("span", { class: "cmd", "data-testid": "fix-command" }, punct(open), code, punct(close), copy, note);
  }

  /** Copies a command of a fix (text the core wrote, never a secret) with the web view's
   *  clipboard; the selected command and the editing "copy" where that is not available. */
  async function copyCommand(cmd, code, note) {
    let ok = false;
    try {
      await navigator.clipboard.writeText(cmd);
      ok = true;
    } catch (_) {
      const sel = window.getSelection();
      const range = document.createRange();
      range.selectNodeContents(code);
      sel.removeAllRanges();
      sel.addRange(range);
      try {
        ok = document.execCommand("copy");
      } catch (_) {
        ok = false;
      }
      sel.removeAllRanges();
    }
    note.textContent = t(ok ? "fix.copied" : "fix.copy_failed");
  }

  function statusIcon(status) {
    return { pass: "✓", warn: "!", fail: "✕", skip: "–" }[status] || "?";
  }

  /** One check as a list item: title, verdict, the core's summary and fix, portal link. */
  function checkItem(c, opts) {
    const o = opts || {};
    const title = o.title || (has("check." + c.id) ? t("check." + c.id) : c.id);
    // Checks from the core's catalog come in the UI's language; older ones in English.
    const wordedIn = c.message_id ? null : "en";
    const body = h(
      "div",
      { class: "check-body" },
      h(
        "div",
        { class: "check-head" },
        h("span", { class: "check-title", text: title }),
        h("span", { class: "badge badge-" + c.status, "data-testid": "status", text: t("status." + c.status) }),
        c.code ? h("span", { class: "code", text: c.code }) : null,
      ),
      h("p", { class: "check-summary", lang: wordedIn, text: c.summary }),
      c.fix
        ? h("div", { class: "check-fix" }, h("span", { class: "fix-label", text: t("check.fix") }), fixText(c.fix, { lang: wordedIn }))
        : null,
      c.portal_url || o.extra
        ? h(
            "div",
            { class: "check-actions" },
            c.portal_url && c.status !== "pass"
              ? h("button", {
                  type: "button",
                  class: "btn btn-small",
                  "data-testid": "portal-" + c.id,
                  text: t(c.id.startsWith("genesys_") ? "action.open_genesys" : "action.open_portal"),
                  on: { click: () => openExternal(c.portal_url) },
                })
              : null,
            o.extra,
          )
        : null,
    );
    return h(
      "li",
      { class: "check check-" + c.status, "data-testid": o.testid || "check-" + c.id, "data-status": c.status, ...(o.attrs || {}) },
      h("span", { class: "status-icon status-" + c.status, "aria-hidden": "true", text: statusIcon(c.status) }),
      body,
    );
  }

  function renderAzure(v) {
    const f = v.form;
    show($("azure-demo-note"), !!v.demo);
    $("field-name").disabled = f.locked;
    $("field-cloud").disabled = f.locked;
    show($("secret-missing"), !!f.secret_missing);
    const stored = $("secret-stored");
    if (f.secret_stored && f.secret_hint) {
      stored.textContent = t(v.demo ? "azure.secret_demo" : "azure.secret_stored", { hint: f.secret_hint });
      show(stored, true);
    } else show(stored, false);
    for (const field of ["name", "tenant", "client_id"]) renderProblems(field, state.problems[field]);
    const secretTyped = $("field-secret").value.length > 0;
    const secretProblems = state.problems.secret || (!secretTyped ? f.secret_problems : []);
    renderProblems("secret", secretProblems);
    const needsIKnow = (secretProblems || []).some((p) => p.code === "secret_id" || p.code === "secret_inner_whitespace");
    show($("i-know-row"), needsIKnow || $("field-i-know").checked);
    show($("help-client-id-link"), !!v.portal.overview);
    show($("help-secret-link"), !!v.portal.certificates);
    renderCreateApp(v);
  }

  /** "Create it for me": the core says whether it is offered, its defaults, an open setup and
   *  the last outcome; this page shows them and the progress of a running setup. */
  function renderCreateApp(v) {
    const a = v.app_setup;
    const panel = $("create-app");
    show(panel, !!(a && a.available));
    if (!a) return;
    if (a.open || (a.last && !a.last.ok) || state.createSteps) panel.open = true;
    $("create-lead").textContent = t(v.demo ? "create.lead_demo" : "create.lead");
    const mailbox = $("create-mailbox");
    if (!mailbox.value && a.mailbox) mailbox.value = a.mailbox;
    const appName = $("create-app-name");
    if (!appName.value) appName.placeholder = a.default_app_name;
    $("create-months").max = String(a.max_months);
    show($("create-new"), !a.open);
    show($("create-open-setup"), !!a.open);
    if (a.open) {
      const stage = has("create.stage." + a.open.stage) ? t("create.stage." + a.open.stage) : a.open.stage;
      $("create-open-text").textContent = t("create.open_setup", { app: a.open.app_name, stage, date: fmtDateTime(a.open.started_at) });
    }
    show($("create-confirm"), !!state.createConfirm);
    if (state.createConfirm) $("create-confirm-text").textContent = state.createConfirm.text;
    for (const f of ["setup_mailbox", "setup_app_name", "setup_months"]) renderProblems(f, state.problems[f]);
    const steps = state.createSteps || [];
    show($("create-progress"), steps.length > 0);
    $("create-progress").replaceChildren(...steps.map((x) => h("li", { "data-phase": x.phase, text: x.text })));
    $("create-result").replaceChildren(...(a.last ? [checkItem(a.last.check, { testid: "create-result-check" })] : []));
  }

  function fillAzureForm() {
    const v = state.view;
    if (!v) return;
    const f = v.form;
    $("field-name").value = f.name || "";
    $("field-cloud").value = f.cloud || "global";
    $("field-tenant").value = f.tenant || "";
    $("field-client-id").value = f.client_id || "";
    $("field-secret").value = "";
    $("field-secret").placeholder = f.secret_stored ? t("azure.secret_keep") : "";
    $("field-i-know").checked = false;
    if (!f.name && !f.locked) $("field-name").placeholder = "contoso-support";
  }

  function renderPermissions(v) {
    const line = $("perm-summary");
    // The counts of the cards on this step; problems on other steps are named, not counted in.
    const own = ((v.steps || []).find((x) => x.step === "permissions") || {}).counts || v.counts;
    if (v.checked_at) {
      const others = (v.summary.problems || []).filter((p) => p.step !== "permissions").length;
      line.textContent =
        t("perm.summary", { time: fmtDateTime(v.checked_at), pass: own.pass, warn: own.warn, fail: own.fail }) +
        (others ? " " + t("perm.others", { n: others }) : "");
    } else line.textContent = t("perm.not_checked");
    // Throttling of the last check (the core words it): the run took longer, and why.
    if (v.checked_at && v.throttled) line.textContent += " " + v.throttled.summary;
    $("perm-checks").replaceChildren(...v.permissions.map((c) => checkItem(c)));
    show($("perm-consent"), v.actions.consent);
    show($("perm-admin-verify"), v.actions.admin_verify);
    show($("perm-fix"), v.actions.fix);
    show($("perm-fix-help"), v.actions.fix);
    $("perm-fix-help").textContent = t(v.demo ? "perm.fix_help_demo" : "perm.fix_help");
    const plan = state.fixPlan;
    show($("fix-plan"), !!plan);
    if (plan) {
      $("fix-plan-list").replaceChildren(...plan.repairs.map((r) => h("li", { text: r })));
      show($("fix-plan-rotate"), !!plan.rotate);
      $("fix-plan-rotate").textContent = plan.rotate || "";
    }
    show($("fix-note"), !!state.fixNote);
    $("fix-note").textContent = state.fixNote || "";
    const help = $("perm-consent-help");
    show(help, v.actions.consent || v.actions.admin_verify);
    show($("perm-callout"), v.actions.consent || v.actions.admin_verify || v.actions.fix);
    help.textContent = v.actions.consent ? t(v.demo ? "perm.consent_help_demo" : "perm.consent_help") : t(v.demo ? "perm.admin_help_demo" : "perm.admin_help");
  }

  function renderMailboxes(v) {
    const list = $("mailbox-list");
    list.replaceChildren(
      ...v.mailboxes.map((m) => {
        const remove = h("button", {
          type: "button",
          class: "btn btn-small btn-quiet",
          "data-testid": "mailbox-remove",
          "aria-label": t("mb.remove_label", { address: m.address }),
          text: t("action.remove"),
          on: { click: () => removeMailbox(m.address) },
        });
        if (m.check) {
          return checkItem(m.check, { title: m.address, testid: "mailbox-item", attrs: { "data-address": m.address }, extra: remove });
        }
        return h(
          "li",
          { class: "check check-none", "data-testid": "mailbox-item", "data-address": m.address, "data-status": "none" },
          h("span", { class: "status-icon status-none", "aria-hidden": "true", text: "·" }),
          h(
            "div",
            { class: "check-body" },
            h("div", { class: "check-head" }, h("span", { class: "check-title", text: m.address }), h("span", { class: "badge badge-none", text: t("status.none") })),
            h("div", { class: "check-actions" }, remove),
          ),
        );
      }),
    );
    show($("mailbox-empty"), v.mailboxes.length === 0);
    renderProblems("mailbox", state.problems.mailbox);
    renderProblems("probe_mailbox", state.problems.probe_mailbox);
    const chips = $("demo-mailboxes");
    const available = v.demo ? v.demo.mailboxes.filter((m) => !v.mailboxes.some((x) => x.address.toLowerCase() === m.address.toLowerCase())) : [];
    show(chips, available.length > 0);
    chips.querySelector(".chips").replaceChildren(
      ...available.map((m) =>
        h(
          "button",
          {
            type: "button",
            class: "chip chip-" + m.kind,
            "data-testid": "demo-mailbox-" + m.address.split("@")[0],
            on: { click: () => addMailbox(m.address) },
          },
          h("span", { text: m.address }),
          h("span", { class: "chip-kind", text: t("mb.kind." + m.kind) }),
        ),
      ),
    );
    const probe = $("probe-input");
    if (document.activeElement !== probe && !state.problems.probe_mailbox) probe.value = v.probe_mailbox || "";
    show($("probe-clear"), !!v.probe_mailbox);
    const suggestion = v.demo && v.demo.probe_suggestion;
    show($("probe-demo"), !!suggestion);
    if (suggestion) $("probe-demo-text").textContent = t("mb.scope.demo", { mailbox: suggestion });
    $("scope-audit").replaceChildren(...(v.scope_audit ? [checkItem(v.scope_audit, { title: t("check.scope_audit") + " · " + v.scope_audit.mailbox })] : []));
    $("mailboxes-check").disabled = v.mailboxes.length === 0 && !v.probe_mailbox;
  }

  function liveMode(v) {
    if (state.liveMode) return state.liveMode;
    return v.live && v.live.pickup ? "pickup" : "live";
  }

  // A pill's verdict in words beside its coloured dot (passed / failed / skipped).
  function phaseState(li, status) {
    let el = li.querySelector(".phase-state");
    if (!el) {
      el = h("span", { class: "phase-state" });
      li.append(el);
    }
    el.textContent = status ? t("status." + status) : "";
  }

  function renderLive(v) {
    const mode = liveMode(v);
    const pickup = mode === "pickup";
    document.querySelectorAll('input[name="live-mode"]').forEach((r) => {
      r.checked = r.value === mode;
    });
    $("live-lead").textContent = t(pickup ? "pickup.lead" : "live.lead");
    $("live-sender-label").textContent = t(pickup ? "pickup.mailbox" : "live.sender");
    show($("live-recipient-field"), !pickup);
    show($("pickup-from-field"), pickup);
    show($("pickup-no-genesys"), pickup && !v.genesys.configured);
    renderProblems("pickup_from", state.problems.pickup_from);
    show($("pickup-confirm"), pickup && state.pickupConfirm);
    $("live-run").textContent = t(pickup ? "pickup.run" : "live.run");
    show($("live-phases"), !pickup);
    show($("pickup-phases"), pickup);
    const sender = $("live-sender");
    const keep = sender.value;
    sender.replaceChildren(...v.mailboxes.map((m) => h("option", { value: m.address, text: m.address })));
    if (v.mailboxes.some((m) => m.address === keep)) sender.value = keep;
    else if (v.live && v.mailboxes.some((m) => m.address === (v.live.pickup ? v.live.recipient : v.live.sender))) {
      sender.value = v.live.pickup ? v.live.recipient : v.live.sender;
    }
    $("live-run").disabled = v.mailboxes.length === 0 || (pickup && state.pickupConfirm);
    // Phases: live progress while running, else the last result of this kind of test.
    const p = state.progress;
    const result = v.live && !!v.live.pickup === pickup ? v.live : null;
    document.querySelectorAll("[data-phase]").forEach((li) => {
      li.classList.remove("active", "done", "phase-pass", "phase-fail", "phase-warn", "phase-skip");
      if (p) {
        const cur = PHASES.indexOf(p.phase);
        const idx = PHASES.indexOf(li.dataset.phase);
        if (idx < cur) li.classList.add("done");
        if (idx === cur) li.classList.add("active");
      } else if (result) {
        // The core's verdict of each pill (skip where the test never got there).
        const ph = (v.live_phases || []).find((x) => x.phase === li.dataset.phase);
        if (ph) li.classList.add("phase-" + ph.status);
        li.dataset.status = ph ? ph.status : "";
      }
      if (p || !result) li.dataset.status = "";
      phaseState(li, li.dataset.status);
    });
    const pp = state.pickupProgress;
    document.querySelectorAll("[data-pickup-phase]").forEach((li) => {
      li.classList.remove("active", "done", "phase-pass", "phase-fail", "phase-warn", "phase-skip");
      const idx = PICKUP_PHASES.indexOf(li.dataset.pickupPhase);
      const detail = li.querySelector(".phase-detail");
      if (detail) detail.textContent = "";
      if (pp) {
        const cur = PICKUP_PROGRESS[pp.phase] ?? -1;
        if (idx < cur) li.classList.add("done");
        if (idx === cur) {
          li.classList.add("active");
          if (detail && pp.elapsed_ms !== null && pp.elapsed_ms !== undefined) {
            detail.textContent = t("pickup.waiting", { s: Math.round(pp.elapsed_ms / 100) / 10, polls: pp.polls || 0 });
          }
        }
      } else if (result) {
        const ph = (v.live_phases || []).find((x) => x.phase === li.dataset.pickupPhase);
        const c = ph ? result.checks.find((k) => k.id === ph.check) : null;
        if (ph) li.classList.add("phase-" + ph.status);
        li.dataset.status = ph ? ph.status : "";
        if (detail && c && c.status === "pass") {
          if (c.id === "receive" && result.latency_ms !== null && result.latency_ms !== undefined) detail.textContent = t("live.latency_short", { ms: result.latency_ms });
          if (c.id === "pickup" && result.pickup_latency_ms !== null && result.pickup_latency_ms !== undefined) detail.textContent = t("live.latency_short", { ms: result.pickup_latency_ms });
        }
      }
      if (pp || !result) li.dataset.status = "";
      phaseState(li, li.dataset.status);
    });
    const detail = $("live-progress");
    if (p && p.phase === "waiting") {
      detail.textContent = t("live.waiting", { s: Math.round((p.elapsed_ms || 0) / 100) / 10, limit: p.limit_secs, polls: p.polls || 0 });
    } else if (!p && result && result.latency_ms !== null && result.latency_ms !== undefined) {
      detail.textContent = t("live.latency_short", { ms: result.latency_ms });
    } else detail.textContent = "";
    show($("live-result"), !!result && !p && !pp);
    if (result) {
      const latency = $("live-latency");
      if (result.pickup) {
        latency.textContent =
          result.pickup_latency_ms !== null && result.pickup_latency_ms !== undefined
            ? t("pickup.latency", { ms: result.pickup_latency_ms, time: fmtDateTime(result.ran_at) })
            : t("pickup.failed");
      } else {
        latency.textContent =
          result.latency_ms !== null && result.latency_ms !== undefined
            ? t("live.latency", { ms: result.latency_ms, time: fmtDateTime(result.ran_at) })
            : result.ok
              ? t("live.sent_only")
              : t("live.failed");
      }
      latency.className = "big " + (result.ok ? "ok" : "bad");
      $("live-checks").replaceChildren(...result.checks.map((c) => checkItem(c, { testid: "live-check-" + c.id })));
    }
  }

  function renderExpiry(v) {
    const e = v.expiry;
    // Expired without a date: Entra ID refused the secret as expired (the core's verdict).
    const expiredUndated = !e.expires && e.state === "expired";
    $("expiry-date").textContent = e.expires ? fmtDate(e.expires) : t(expiredUndated ? "exp.expired_undated" : "exp.unknown");
    const days = $("expiry-days");
    // Expired without a date: no count of days; the tile's state word says "expired".
    if (expiredUndated || e.days_left === null || e.days_left === undefined) days.textContent = "–";
    else if (e.days_left < 0) days.textContent = t("exp.expired_days", { n: -e.days_left });
    else days.textContent = t(e.days_left === 1 ? "exp.day_value" : "exp.days_value", { n: e.days_left });
    $("expiry-days-tile").dataset.state = e.state || "unknown";
    $("expiry-check").replaceChildren(...(e.check ? [checkItem(e.check)] : []));
    show($("expiry-manual"), !e.expires && !expiredUndated);
    renderProblems("expiry", state.problems.expiry);
    renderProblems("warn_days", state.problems.warn_days);
    const warn = $("warn-days");
    if (document.activeElement !== warn) warn.value = String(e.reminders.warn_days);
    $("calendar-alarms").textContent = t("exp.alarms", { days: fmtList(e.calendar_alarms) });
    renderRotation(v);
    $("expiry-calendar").disabled = !e.expires;
    const r = e.reminders;
    $("reminders-desktop").checked = r.desktop !== false;
    document.querySelectorAll("[data-day]").forEach((box) => {
      box.checked = r.days.includes(Number(box.dataset.day));
      box.disabled = r.desktop === false;
    });
    const b = state.background;
    const login = $("start-at-login");
    login.checked = !!(b && b.autostart);
    login.disabled = !b || !!b.autostart_error;
    const note = $("start-at-login-note");
    show(note, !!(b && b.autostart_error));
    if (b && b.autostart_error) note.textContent = b.autostart_error;
  }

  function renderRotation(v) {
    const rot = v.rotation;
    show($("rotate-card"), !!(rot && rot.available));
    if (!rot || !rot.available) return;
    $("rotate-lead").textContent = t(rot.manual ? "rot.lead_manual" : "rot.lead");
    const months = $("rotate-months");
    months.max = String(rot.max_months);
    if (!months.value) months.value = String(rot.default_months);
    show($("rotate-new"), !rot.open);
    show($("rotate-open"), !!rot.open);
    if (rot.open) {
      $("rotate-open-text").textContent = t("rot.open", { stage: rotStage(rot.open.stage), date: fmtDateTime(rot.open.started_at) });
      show($("rotate-rollback"), rot.open.can_roll_back);
    }
    renderRotateConfirm(rot);
    renderProblems("rotate_months", state.problems.rotate_months);
    const steps = state.rotateSteps || [];
    show($("rotate-progress"), steps.length > 0);
    $("rotate-progress").replaceChildren(...steps.map((s) => h("li", { "data-phase": s.phase, text: s.text })));
    $("rotate-result").replaceChildren(...(rot.last ? [checkItem(rot.last.check, { testid: "rotate-result-check" })] : []));
  }

  /** The rotation's confirmation: what a start or a roll-back will do, with the time Genesys
   *  Cloud stops fetching mail as the core expects it. */
  function renderRotateConfirm(rot) {
    const c = state.confirm;
    const kind = c && (c.kind === "rotate" || (c.kind === "roll_back" && rot.open)) ? c.kind : null;
    show($("rotate-confirm"), !!kind);
    $("rotate-start").disabled = kind === "rotate";
    $("rotate-rollback").disabled = kind === "roll_back";
    if (!kind) return;
    const secs = rot.restart_off_secs;
    let title, text, yes;
    if (kind === "rotate") {
      title = t("rot.confirm_title");
      text = rot.manual ? t("rot.confirm_text_manual", { months: c.months }) : t("rot.confirm_text", { months: c.months, secs });
      yes = t("rot.confirm_yes");
    } else {
      title = t("rot.rollback_confirm_title");
      const how = rot.open.rollback_genesys;
      text =
        how === "restart"
          ? t("rot.rollback_confirm_restart", { secs })
          : how === "paste"
            ? t("rot.rollback_confirm_paste")
            : t("rot.rollback_confirm_none");
      yes = t("rot.rollback_confirm_yes");
    }
    $("rotate-confirm-title").textContent = title;
    $("rotate-confirm-text").textContent = text;
    $("rotate-confirm-yes").textContent = yes;
  }

  /** The Genesys step's confirmations (restart, removing the settings). */
  function renderGenesysConfirm(v) {
    const g = v.genesys;
    const c = state.confirm;
    const restart = !!c && c.kind === "restart" && g.configured;
    const remove = !!c && c.kind === "remove_genesys" && g.configured;
    show($("genesys-restart-confirm"), restart);
    show($("genesys-remove-confirm"), remove);
    if (restart) {
      $("genesys-restart").disabled = true;
      $("genesys-restart-confirm-title").textContent = t("gen.restart.confirm_title");
      $("genesys-restart-confirm-text").textContent =
        t("gen.restart.confirm_text", { secs: g.restart_off_secs }) +
        " " +
        (g.restart_off_measured ? t("gen.restart.confirm_measured") : t("gen.restart.confirm_typical"));
      $("genesys-restart-confirm-yes").textContent = t("gen.restart.confirm_yes");
    }
    $("genesys-remove").disabled = remove;
    if (remove) {
      $("genesys-remove-confirm-title").textContent = t("gen.remove.confirm_title");
      $("genesys-remove-confirm-text").textContent = g.demo ? t("gen.remove.confirm_text_demo") : t("gen.remove.confirm_text", { profile: v.form.name });
      $("genesys-remove-confirm-yes").textContent = t("gen.remove.confirm_yes");
    }
  }

  function renderGenesys(v) {
    const g = v.genesys;
    const sel = $("genesys-region");
    if (sel.options.length !== g.regions.length + 1) {
      sel.replaceChildren(h("option", { value: "" }), ...g.regions.map((r) => h("option", { value: r.name })));
    }
    Array.from(sel.options).forEach((o) => {
      const r = g.regions.find((x) => x.name === o.value);
      o.textContent = r ? r.host + " — " + r.place : t("gen.region_choose");
    });
    const demoNote = $("genesys-demo-note");
    show(demoNote, g.demo);
    demoNote.textContent = t("gen.demo_note");
    const stored = $("genesys-secret-stored");
    show(stored, g.secret_stored);
    stored.textContent = g.secret_hint ? t("gen.secret_demo", { hint: g.secret_hint }) : t("gen.secret_stored");
    $("genesys-secret").placeholder = g.secret_stored ? t("azure.secret_keep") : "";
    for (const f of ["genesys_region", "genesys_client_id", "genesys_secret"]) renderProblems(f, state.problems[f]);
    show($("genesys-remove"), g.configured);
    show($("genesys-bar"), g.configured);
    $("genesys-summary").textContent = g.checks.length
      ? t("gen.summary", { pass: g.counts.pass, warn: g.counts.warn, fail: g.counts.fail })
      : t("gen.not_checked");
    $("genesys-checks").replaceChildren(...g.checks.map((c) => checkItem(c)));
    show($("genesys-restart-card"), g.configured);
    show($("genesys-restart-suggested"), g.restart_suggested);
    $("genesys-restart").disabled = !g.can_restart;
    renderGenesysConfirm(v);
    const prog = $("genesys-restart-progress");
    const p = state.genesysProgress;
    show(prog, !!p);
    prog.textContent = p ? p.text : "";
    $("genesys-restart-result").replaceChildren(
      ...(g.restart && !p ? [checkItem(g.restart.check, { testid: "genesys-restart-check", title: t("check.genesys_restart") + " · " + fmtDateTime(g.restart.at) })] : []),
    );
  }

  function fillGenesysForm() {
    const v = state.view;
    if (!v) return;
    $("genesys-region").value = v.genesys.region || "";
    $("genesys-client-id").value = v.genesys.client_id || "";
    $("genesys-secret").value = "";
  }

  function renderSummary(v) {
    const s = v.summary;
    const verdict = $("summary-verdict");
    verdict.replaceChildren();
    let cls = "verdict ";
    if (!s.exportable) {
      cls += "verdict-none";
      verdict.append(h("strong", { text: t("sum.not_checked") }));
    } else if (s.validated) {
      cls += "verdict-pass";
      verdict.append(
        h("span", { class: "verdict-icon", "aria-hidden": "true", text: "✓" }),
        h("div", {}, h("strong", { text: t("sum.validated") }), h("p", { text: (s.verdict ? s.verdict + " " : "") + t("sum.validated_detail", { pass: s.counts.pass, warn: s.counts.warn }) })),
      );
    } else {
      cls += "verdict-fail";
      verdict.append(
        h("span", { class: "verdict-icon", "aria-hidden": "true", text: "✕" }),
        h("div", {}, h("strong", { text: t("sum.not_validated") }), h("p", { text: s.counts.fail > 0 ? t("sum.not_validated_detail", { fail: s.counts.fail }) : t("sum.not_validated_open") })),
      );
    }
    verdict.className = cls;
    // Every claim the core judged, each with how it stands (proven, disproven, not yet proven).
    const claims = s.claims || [];
    const list = $("summary-claims");
    list.setAttribute("aria-label", t("sum.claims"));
    show(list, claims.length > 0);
    list.replaceChildren(
      ...claims.map((c) => {
        const status = c.state === "proven" ? "pass" : c.state === "disproven" ? "fail" : "none";
        return h(
          "li",
          { class: "claim claim-" + c.state, "data-testid": "summary-claim", "data-claim": c.id, "data-state": c.state, "data-subject": c.subject || "" },
          h("span", { class: "status-icon status-" + status, "aria-hidden": "true", text: c.state === "proven" ? "✓" : c.state === "disproven" ? "✕" : "·" }),
          h("span", { class: "claim-text", text: c.text + (c.needed ? "" : " " + t("sum.claim_optional")) }),
        );
      }),
    );
    // Every failed and warning check by name, with a way to the step that shows it.
    const problems = s.problems || [];
    show($("summary-problems-box"), problems.length > 0);
    $("summary-problems").replaceChildren(
      ...problems.map((p) => {
        const c = p.check;
        const name = (has("check." + c.id) ? t("check." + c.id) : c.id) + (c.mailbox ? " · " + c.mailbox : "");
        const stepName = t("step." + p.step.replace(/-/g, "_"));
        return h(
          "li",
          { class: "problem problem-" + c.status, "data-testid": "summary-problem", "data-check": c.id, "data-step": p.step },
          h("span", { class: "status-icon status-" + c.status, "aria-hidden": "true", text: statusIcon(c.status) }),
          h("span", { class: "badge badge-" + c.status, text: t("status." + c.status) }),
          h("span", { class: "problem-name", text: name }),
          h("button", { type: "button", class: "btn btn-small", "data-testid": "summary-problem-go", text: t("sum.problems.go", { step: stepName }), on: { click: () => goTo(p.step) } }),
        );
      }),
    );
    const live = (v.steps || []).find((x) => x.step === "live-test");
    show($("summary-live-missing"), s.exportable && !!live && live.status === "not_run");
    $("summary-client-id").textContent = s.client_id || "–";
    $("summary-token-endpoint").textContent = s.token_endpoint || t("sum.unknown");
    $("copy-token-endpoint").disabled = !s.token_endpoint;
    $("copy-client-id").disabled = !s.client_id;
    show($("export-anyway-row"), s.exportable && !s.validated);
    $("summary-export").disabled = !s.exportable;
  }

  function renderProfiles() {
    const rows = state.profiles;
    const table = $("profiles-table");
    show($("profiles-demo-note"), !!(state.view && state.view.demo));
    show($("profiles-empty"), !!rows && rows.length === 0);
    show(table, !!rows && rows.length > 0);
    $("profiles-recheck-all").disabled = !rows || rows.length === 0;
    const rc = state.recheck;
    show($("profiles-progress"), !!rc);
    $("profiles-progress").textContent = rc ? t("profiles.progress", { done: rc.done, total: rc.total }) : "";
    if (!rows) return;
    const checking = new Set(rc && state.busy ? rc.checking : []);
    const label = (key) => t("profiles.col." + key);
    table.querySelector("tbody").replaceChildren(
      ...rows.map((r) => {
        const busy = checking.has(r.name);
        const verdict = busy
          ? h("span", { class: "badge badge-none", "data-testid": "profile-checking", text: t("profiles.checking") })
          : r.ok === null || r.ok === undefined
            ? h("span", { class: "badge badge-none", text: t("profiles.never") })
            : h(
                "div",
                {},
                h("span", { class: "badge badge-" + (r.ok ? (r.counts.warn ? "warn" : "pass") : "fail"), "data-testid": "profile-verdict", text: t(r.ok ? "profiles.ok" : "profiles.failed", r.counts) }),
                h("div", { class: "muted small", text: fmtDateTime(r.checked_at) }),
                r.first_failure ? h("div", { class: "small", lang: "en", text: r.first_failure }) : null,
              );
        let expiry;
        if (r.days_left === null || r.days_left === undefined) expiry = h("span", { class: "muted", text: t("exp.unknown") });
        else
          expiry = h(
            "span",
            { class: "expiry expiry-" + (r.expiry_state || "ok"), "data-testid": "profile-expiry" },
            r.days_left < 0 ? t("exp.expired_days", { n: -r.days_left }) : t(r.days_left === 1 ? "exp.day_value" : "exp.days_value", { n: r.days_left }),
            // The colour's meaning in words ("expired …" says it already).
            r.days_left < 0 ? null : h("span", { class: "expiry-word", text: " · " + t("exp.state." + (r.expiry_state === "soon" ? "soon" : "ok")) }),
          );
        const confirming = state.confirmRemove === r.name;
        return h(
          "tr",
          { "data-testid": "profile-row", "data-name": r.name, "data-checking": busy ? "true" : "false", class: busy ? "is-checking" : null },
          h("th", { scope: "row" }, h("span", { text: r.name }), r.current ? h("span", { class: "tag", text: t("profiles.current") }) : null),
          h("td", { "data-label": label("tenant") }, h("div", { text: r.tenant }), h("div", { class: "muted small", text: t("cloud." + r.cloud) })),
          h("td", { "data-label": label("verdict") }, verdict),
          h("td", { "data-label": label("expiry") }, expiry),
          h(
            "td",
            { class: "row-actions" },
            h(
              "div",
              { class: "actions-inner" },
              h("button", { type: "button", class: "btn btn-small", "data-testid": "profile-open", text: t("profiles.open"), "aria-label": t("profiles.open_label", { name: r.name }), on: { click: () => openProfile(r.name) } }),
            h("button", { type: "button", class: "btn btn-small", "data-testid": "profile-recheck", text: t("profiles.recheck"), "aria-label": t("profiles.recheck_label", { name: r.name }), on: { click: () => recheck([r.name]) } }),
            h("button", {
              type: "button",
              class: "btn btn-small " + (confirming ? "btn-danger" : "btn-quiet"),
              "data-testid": "profile-remove",
              text: confirming ? t("profiles.remove_confirm") : t("action.remove"),
              "aria-label": confirming ? t("profiles.remove_confirm") : t("profiles.remove_label", { name: r.name }),
              on: { click: () => removeProfile(r.name) },
            }),
            ),
          ),
        );
      }),
    );
  }

  // ---------------------------------------------------------------- states in words
  // Every coloured state has a word beside it. The phase pills of the live and pickup tests (whose
  // verdict renderLive words beside the dot) get a glyph in their dot, the days-left tile a glyph
  // and a word; both follow the classes and data-state that the render functions set (also
  // between renders, from the progress channels).
  const PHASE_GLYPHS = [
    ["phase-pass", "✓"],
    ["phase-fail", "✕"],
    ["phase-warn", "!"],
    ["phase-skip", "–"],
    ["done", "✓"],
  ];
  const TILE_STATES = { ok: ["exp.state.ok", "✓"], soon: ["exp.state.soon", "!"], expired: ["exp.state.expired", "✕"] };

  function labelStates() {
    document.querySelectorAll("[data-phase], [data-pickup-phase]").forEach((li) => {
      const g = PHASE_GLYPHS.find(([cls]) => li.classList.contains(cls));
      const dot = li.querySelector(".phase-dot");
      if (dot && dot.textContent !== (g ? g[1] : "")) dot.textContent = g ? g[1] : "";
    });
    const tile = $("expiry-days-tile");
    const st = tile && TILE_STATES[tile.dataset.state];
    const word = $("expiry-state");
    if (word) word.textContent = st ? st[1] + " " + t(st[0]) : "";
  }

  /** A focused control is never left under the sticky step navigation (or above the view):
   *  scrolled into view within the main area's scroll padding (app.css). */
  function keepFocusInView() {
    const main = document.getElementById("main");
    const reveal = (el) => {
      const nav = $("wizard-nav");
      if (!el || !main.contains(el) || el === main || el.matches("h1")) return;
      const r = el.getBoundingClientRect();
      const bottom = nav && !nav.hidden && !nav.contains(el) ? nav.getBoundingClientRect().top : main.getBoundingClientRect().bottom;
      if (r.bottom > bottom || r.top < main.getBoundingClientRect().top) el.scrollIntoView({ block: "nearest", inline: "nearest" });
    };
    main.addEventListener("focusin", (e) => {
      reveal(e.target);
      requestAnimationFrame(() => reveal(document.activeElement === e.target ? e.target : null));
    });
  }

  // ---------------------------------------------------------------- actions
  async function refreshView() {
    const r = await call("get_view");
    if (r.ok) {
      setView(r.value);
      render();
    }
  }

  async function runChecks(busyKey) {
    const r = await call("run_checks", {}, busyKey || "checking");
    if (r.ok) setView(r.value);
    render();
  }

  async function choose(choice) {
    state.notes = {};
    if (choice === "new") {
      const r = await call("start_new", {}, "starting");
      if (r.ok) {
        state.screen = null;
        setView(r.value);
      }
    } else if (choice === "open") {
      await showProfiles();
    } else if (choice === "import") {
      // The core says what the file holds and what importing it would do; nothing changes
      // until the admin confirms.
      const r = await call("import_config", { title: t("start.import.title") }, "importing");
      if (r.ok && r.value) state.importPreview = r.value;
    } else if (choice === "demo") {
      const r = await call("start_demo", { scenario: null }, "demo");
      if (r.ok) {
        state.screen = null;
        setView(r.value);
      }
    }
    render();
  }

  async function confirmImport(go) {
    const keep = $("import-keep-endpoints").checked;
    state.importPreview = null;
    const r = go ? await call("confirm_import", { keepTestEndpoints: keep }, "importing") : await call("cancel_import", {});
    if (r.ok) {
      state.screen = null;
      setView(r.value);
    }
    render();
  }

  function renderImport() {
    const p = state.importPreview;
    show($("import-confirm"), !!p);
    if (!p) return;
    $("import-confirm-title").textContent = t("import.title", { file: p.file });
    $("import-notes").replaceChildren(...p.notes.map((c) => checkItem(c, { title: t(c.status === "pass" ? "import.holds" : "import.warning") })));
    show($("import-keep-row"), p.test_endpoints.length > 0);
    $("import-confirm-go").textContent = t(p.leaves_demo ? "import.go_leave_demo" : "import.go");
  }

  async function pickScenario(name) {
    state.notes = {};
    const r = await call("start_demo", { scenario: name }, "demo");
    if (r.ok) {
      state.problems = {};
      state.screen = null;
      state.shownStep = null;
      setView(r.value);
    }
    render();
  }

  function azureInput() {
    const secret = $("field-secret").value;
    return {
      name: $("field-name").value,
      cloud: $("field-cloud").value,
      tenant: $("field-tenant").value,
      client_id: $("field-client-id").value,
      secret: secret.length ? secret : null,
      i_know: $("field-i-know").checked,
    };
  }

  async function saveAzure() {
    const r = await call("save_azure_app", { input: azureInput() }, "saving");
    if (r.ok) {
      $("field-secret").value = "";
      state.problems = {};
      setView(r.value);
      render();
      await runChecks();
      return;
    }
    if (r.error && r.error.code === "invalid") {
      state.problems = {};
      for (const p of r.error.problems || []) (state.problems[p.field] = state.problems[p.field] || []).push(p);
      render();
      const first = document.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
    }
    await refreshFormFromCore();
  }

  /** Calls a command without touching the error banner or the progress bar. */
  async function quiet(cmd, args) {
    if (typeof invoke !== "function") return { ok: false };
    try {
      return { ok: true, value: await invoke(cmd, args || {}) };
    } catch (err) {
      return { ok: false, error: err };
    }
  }

  async function refreshFormFromCore() {
    const r = await quiet("get_view");
    if (r.ok) {
      state.view = r.value;
      render();
    }
  }

  async function next() {
    const screen = currentScreen();
    state.notes = {};
    if (screen === "azure-app") return saveAzure();
    const r = await call("go_next");
    if (!r.ok) return;
    setView(r.value);
    render();
    const v = state.view;
    if (v.step === "mailboxes" && v.mailboxes.length && v.mailboxes.some((m) => !m.check)) await runChecks();
    if (v.step === "secret-expiry" && !v.checked_at) await runChecks();
  }

  async function back() {
    state.notes = {};
    const r = await call("go_back");
    if (r.ok) setView(r.value);
    render();
  }

  async function goTo(step) {
    state.notes = {};
    state.screen = null;
    const r = await call("go_to", { step });
    if (r.ok) setView(r.value);
    render();
  }

  async function validate(field, pasted) {
    const input = document.querySelector('[data-field="' + field + '"]');
    if (!input) return;
    const value = input.value;
    if (!value.length && field !== "secret") {
      delete state.problems[field];
      render();
      return;
    }
    if (!value.length) {
      delete state.problems.secret;
      render();
      return;
    }
    const args = {
      field,
      value,
      other: field === "client_id" ? $("field-tenant").value : null,
      iKnow: field === "secret" ? $("field-i-know").checked : false,
    };
    const r = await quiet("validate_field", args);
    if (!r.ok) return;
    const rep = r.value;
    if (input.value !== value) return; // typed on meanwhile
    let problems = rep.problems;
    if (pasted && rep.normalized && rep.normalized !== value && field !== "secret" && field !== "name") {
      input.value = rep.normalized;
    }
    if (pasted) problems = problems.map((p) => (p.code === "trimmed" ? Object.assign({}, p, { code: "trimmed_paste" }) : p));
    state.problems[field] = problems;
    render();
  }

  const timers = {};
  function scheduleValidate(field) {
    clearTimeout(timers[field]);
    timers[field] = setTimeout(() => validate(field, false), 300);
  }

  async function addMailbox(address) {
    const value = address !== undefined ? address : $("mailbox-input").value;
    const r = await call("add_mailbox", { address: value }, "saving");
    if (r.ok) {
      setView(r.value);
      delete state.problems.mailbox;
      if (address === undefined) $("mailbox-input").value = "";
    } else if (r.error && r.error.code === "invalid") {
      state.problems.mailbox = r.error.problems;
      state.error = null;
    }
    render();
  }

  async function removeMailbox(address) {
    const r = await call("remove_mailbox", { address }, "saving");
    if (r.ok) setView(r.value);
    render();
  }

  async function setProbe(clear) {
    const address = clear ? null : $("probe-input").value;
    const r = await call("set_probe_mailbox", { address }, "saving");
    if (r.ok) {
      setView(r.value);
      delete state.problems.probe_mailbox;
      if (clear) $("probe-input").value = "";
    } else if (r.error && r.error.code === "invalid") {
      state.problems.probe_mailbox = r.error.problems;
      state.error = null;
    } else if (r.error && r.error.code !== "cancelled") {
      // Refused for another reason (e.g. it is one of the integration's mailboxes): said under
      // the field, in the core's words.
      const e = r.error;
      state.problems.probe_mailbox = [{ field: "probe_mailbox", severity: "error", code: e.code, text: e.extra || e.text || e.message }];
      state.error = null;
    }
    render();
  }

  async function runLive() {
    if (state.view && liveMode(state.view) === "pickup") {
      // The pickup test creates a real interaction in Genesys Cloud: ask first.
      state.pickupConfirm = true;
      render();
      const yes = $("pickup-confirm-yes");
      if (yes) yes.focus();
      return;
    }
    const channel = new tauri.core.Channel();
    state.progress = { phase: "checking" };
    channel.onmessage = (p) => {
      const phaseChanged = !state.progress || state.progress.phase !== p.phase;
      state.progress = p;
      // The wait and its limit also beside the Cancel of the busy bar.
      if (state.busy && p.phase === "waiting") {
        state.busy.detail = t("live.waiting", { s: Math.round((p.elapsed_ms || 0) / 100) / 10, limit: p.limit_secs, polls: p.polls || 0 });
        renderBusy();
      }
      renderLive(state.view);
      // The phases stay in view (clear of the sticky step navigation) while the test runs; the
      // busy bar above them has just appeared.
      const phases = $("live-phases");
      if (phaseChanged && phases && phases.scrollIntoView) phases.scrollIntoView({ block: "nearest" });
    };
    render();
    // Cancellable: the wait for the mail ends, and the core deletes what it sent.
    const r = await call(
      "run_live_test",
      { sender: $("live-sender").value, recipient: $("live-recipient").value || null, onProgress: channel },
      "live",
      true,
    );
    state.progress = null;
    if (r.ok) setView(r.value);
    render();
  }

  async function runPickup() {
    state.pickupConfirm = false;
    delete state.problems.pickup_from;
    const channel = new tauri.core.Channel();
    state.pickupProgress = { phase: "checking" };
    channel.onmessage = (p) => {
      state.pickupProgress = p;
      if (state.busy) state.busy.detail = t("pickup.progress." + p.phase);
      renderBusy();
      if (state.view) renderLive(state.view);
    };
    render();
    const from = $("pickup-from").value.trim();
    const r = await call("run_pickup_test", { mailbox: $("live-sender").value, from: from || null, confirmed: true, onProgress: channel }, "pickup");
    state.pickupProgress = null;
    if (r.ok) setView(r.value);
    else if (r.error && r.error.code === "invalid") {
      state.problems.pickup_from = r.error.problems;
      state.error = null;
    }
    render();
  }

  function setLiveMode(mode) {
    state.liveMode = mode;
    state.pickupConfirm = false;
    render();
  }

  // ---------------------------------------------------------------- troubleshooter
  async function showTroubleshoot() {
    state.screen = "troubleshoot";
    render();
    const r = await call("troubleshoot", {}, "loading");
    if (r.ok) state.troubleshoot = r.value;
    if (state.troubleshoot && state.troubleshoot.last && !state.tsSymptom) state.tsSymptom = state.troubleshoot.last.symptom;
    render();
  }

  async function refreshTroubleshoot() {
    const r = await quiet("troubleshoot");
    if (r.ok) {
      state.troubleshoot = r.value;
      render();
    }
  }

  async function runDiagnosis(fromStep) {
    const symptom = state.tsSymptom;
    if (!symptom) return;
    const channel = new tauri.core.Channel();
    channel.onmessage = (p) => {
      state.tsProgress = p;
      if (state.busy) state.busy.detail = p.title;
      renderBusy();
      renderTroubleshoot();
    };
    state.tsProgress = null;
    const r = await call(
      "diagnose",
      { symptom, sendTestMail: $("ts-allow-mail").checked, fromStep: fromStep || null, onProgress: channel },
      "diagnosing",
    );
    state.tsProgress = null;
    if (r.ok) state.troubleshoot = r.value;
    render();
    if (r.ok) {
      const title = $("ts-result-title");
      if (title) title.scrollIntoView({ block: "start" });
    }
  }

  const OUTCOME_ICON = { passed: "✓", cause: "✕", manual: "?", not_run: "–", skipped: "–", not_reached: "·" };

  function renderTroubleshoot() {
    const ts = state.troubleshoot;
    if (!ts) return;
    $("ts-lead").textContent = ts.profile ? t(ts.demo ? "ts.lead_demo" : "ts.lead", { profile: ts.profile }) : t("ts.lead_none");
    show($("ts-no-target"), !ts.can_run);
    // Rebuilt only when the symptoms (or their language) change, so keyboard focus stays.
    const box = $("ts-symptoms");
    const key = ts.symptoms.map((sym) => sym.id + "=" + sym.title).join("|");
    if (box.dataset.key !== key) {
      box.dataset.key = key;
      box.replaceChildren(
        ...ts.symptoms.map((sym) =>
          h(
            "label",
            { class: "symptom", "data-testid": "ts-symptom-" + sym.id },
            h("input", {
              type: "radio",
              name: "ts-symptom",
              value: sym.id,
              on: {
                change: () => {
                  state.tsSymptom = sym.id;
                  renderTroubleshoot();
                },
              },
            }),
            h("span", { text: sym.title }),
          ),
        ),
      );
    }
    box.querySelectorAll("input").forEach((r) => {
      r.checked = r.value === state.tsSymptom;
    });
    $("ts-run").disabled = !ts.can_run || !state.tsSymptom;
    const prog = $("ts-progress");
    show(prog, !!state.tsProgress);
    prog.textContent = state.tsProgress ? t("ts.progress", { step: state.tsProgress.title }) : "";
    const w = ts.last;
    show($("ts-result"), !!w && !state.tsProgress);
    if (w) {
      $("ts-result-title").textContent = w.title;
      const verdict = $("ts-verdict");
      const causeStep = w.cause ? w.steps.find((st) => st.id === w.cause) : null;
      if (causeStep) {
        verdict.className = "verdict verdict-fail";
        verdict.replaceChildren(
          h("span", { class: "verdict-icon", "aria-hidden": "true", text: "✕" }),
          h(
            "div",
            { "data-testid": "ts-cause", "data-step": causeStep.id },
            h("strong", { text: t("ts.cause", { step: causeStep.title }) }),
            causeStep.text ? h("p", { "data-testid": "ts-cause-text", text: causeStep.text }) : null,
            w.fix ? h("div", { class: "check-fix" }, h("span", { class: "fix-label", text: t("check.fix") }), fixText(w.fix, { "data-testid": "ts-fix" })) : null,
            h(
              "div",
              { class: "actions" },
              h("button", { type: "button", class: "btn btn-primary", "data-testid": "ts-again", text: t("ts.again"), on: { click: () => runDiagnosis(causeStep.id) } }),
              w.portal_url
                ? h("button", { type: "button", class: "btn", "data-testid": "ts-portal", text: t("ts.portal"), on: { click: () => openExternal(w.portal_url) } })
                : null,
            ),
          ),
        );
      } else {
        verdict.className = "verdict verdict-none";
        verdict.replaceChildren(h("div", { "data-testid": "ts-no-cause" }, h("strong", { text: t("ts.no_cause") }), h("p", { text: t("ts.no_cause_detail") })));
      }
      $("ts-steps").replaceChildren(
        ...w.steps.map((st, i) =>
          h(
            "li",
            { class: "ts-step ts-" + st.outcome, "data-testid": "ts-step-" + st.id, "data-outcome": st.outcome },
            h("span", { class: "ts-icon", "aria-hidden": "true", text: OUTCOME_ICON[st.outcome] || String(i + 1) }),
            h(
              "div",
              { class: "check-body" },
              h(
                "div",
                { class: "check-head" },
                h("span", { class: "check-title", text: st.title }),
                h("span", { class: "badge badge-outcome-" + st.outcome, "data-testid": "ts-outcome", text: t("ts.outcome." + st.outcome) }),
              ),
              st.text && st.outcome !== "cause" ? h("p", { class: "check-summary", text: st.text }) : null,
              // The cause's evidence open; the checks a passed step was decided by folded away.
              st.evidence.length
                ? st.outcome === "cause"
                  ? h("ul", { class: "checks ts-evidence" }, ...st.evidence.map((c) => checkItem(c, { testid: "ts-evidence-" + c.id })))
                  : h(
                      "details",
                      { class: "faq ts-faq", "data-testid": "ts-evidence-step-" + st.id },
                      h("summary", { text: t("ts.evidence", { n: st.evidence.length }) }),
                      h("ul", { class: "checks ts-evidence" }, ...st.evidence.map((c) => checkItem(c, { testid: "ts-evidence-" + c.id }))),
                    )
                : null,
              st.faq ? h("details", { class: "faq ts-faq" }, h("summary", { text: t("ts.faq") }), h("p", { text: st.faq })) : null,
            ),
          ),
        ),
      );
    }
    // The help panel: the questions that need no check, filtered as the admin types.
    const words = state.tsFilter.toLocaleLowerCase(state.lang).split(/\s+/).filter(Boolean);
    const topics = ts.help.filter((x) => {
      const hay = (x.question + " " + x.answer + " " + x.source).toLocaleLowerCase(state.lang);
      return words.every((wd) => hay.includes(wd));
    });
    $("ts-help-list").replaceChildren(
      ...topics.map((x) =>
        h(
          "details",
          { class: "help-topic", "data-testid": "ts-help-item", "data-id": x.id },
          h("summary", { text: x.question }),
          h("p", { text: x.answer }),
          h("p", { class: "muted small", text: t("ts.help.source", { source: x.source }) }),
        ),
      ),
    );
    $("ts-help-count").textContent = t("ts.help.count", { n: topics.length, total: ts.help.length });
    show($("ts-help-empty"), topics.length === 0);
  }

  async function saveGenesys() {
    const secret = $("genesys-secret").value;
    const input = { region: $("genesys-region").value, client_id: $("genesys-client-id").value, secret: secret.length ? secret : null };
    const r = await call("save_genesys", { input }, "saving");
    for (const f of ["genesys_region", "genesys_client_id", "genesys_secret"]) delete state.problems[f];
    if (r.ok) {
      $("genesys-secret").value = "";
      setView(r.value);
      fillGenesysForm();
      render();
      await runChecks("checking_genesys");
      return;
    }
    if (r.error && r.error.code === "invalid") {
      for (const p of r.error.problems || []) (state.problems[p.field] = state.problems[p.field] || []).push(p);
      render();
      const first = document.querySelector('#screen-genesys [aria-invalid="true"]');
      if (first) first.focus();
    }
  }

  /** Shows the confirmation of a production change (nothing changes yet) and puts the focus on
   *  its Cancel, so Enter does not change production by accident. */
  function askFirst(kind, extra) {
    state.confirm = { kind, ...(extra || {}) };
    render();
    const box = kind === "restart" ? "genesys-restart-confirm" : kind === "remove_genesys" ? "genesys-remove-confirm" : "rotate-confirm";
    const no = $(box + "-no");
    if (no && !no.closest("[hidden]")) no.focus();
  }

  function cancelConfirm() {
    const c = state.confirm;
    state.confirm = null;
    render();
    const back = !c ? null : c.kind === "restart" ? "genesys-restart" : c.kind === "remove_genesys" ? "genesys-remove" : c.kind === "rotate" ? "rotate-start" : "rotate-rollback";
    if (back && $(back) && !$(back).hidden) $(back).focus();
  }

  async function removeGenesys() {
    state.confirm = null;
    const r = await call("remove_genesys", {}, "saving");
    if (r.ok) {
      setView(r.value);
      fillGenesysForm();
    }
    render();
  }

  async function restartGenesys() {
    state.confirm = null;
    const channel = new tauri.core.Channel();
    channel.onmessage = (p) => {
      state.genesysProgress = p;
      if (state.busy) state.busy.detail = p.text;
      renderBusy();
      if (state.view) renderGenesys(state.view);
    };
    state.genesysProgress = null;
    const r = await call("restart_genesys", { onProgress: channel }, "restarting");
    state.genesysProgress = null;
    if (r.ok) {
      setView(r.value);
      render();
      // The integration's checks again, so they show its state after the restart.
      await runChecks("checking_genesys");
      return;
    }
    render();
  }

  async function pickGenesysScenario(name) {
    const r = await call("start_genesys_demo", { scenario: name }, "demo");
    if (r.ok) {
      setView(r.value);
      fillGenesysForm();
      render();
      if (r.value.genesys.configured) await runChecks("checking_genesys");
      return;
    }
    render();
  }

  async function dismissNotices() {
    const r = await call("dismiss_notices");
    if (r.ok) setView(r.value);
    render();
  }

  async function consent() {
    const r = await call("grant_admin_consent", {}, state.view && state.view.demo ? "consent_demo" : "consent", true);
    if (r.ok) setView(r.value);
    render();
  }

  async function adminVerify() {
    const r = await call("verify_as_admin", {}, state.view && state.view.demo ? "admin_demo" : "admin", true);
    if (r.ok) setView(r.value);
    render();
  }

  /** Asks before "create it for me" changes the tenant: what will be created, where. */
  function askCreateApp() {
    const raw = $("create-months").value.trim();
    const months = Number(raw);
    const max = (state.view && state.view.app_setup && state.view.app_setup.max_months) || 24;
    state.problems.setup_months = [];
    if (!/^\d+$/.test(raw) || months < 1 || months > max) {
      state.problems.setup_months = [{ field: "setup_months", severity: "error", text: t("rot.months_invalid", { max }) }];
      render();
      return;
    }
    const v = state.view;
    const app = $("create-app-name").value.trim() || (v && v.app_setup.default_app_name) || "";
    const tenant = $("field-tenant").value.trim();
    state.createConfirm = { text: t(v && v.demo ? "create.confirm_text_demo" : "create.confirm_text", { app, tenant, months }) };
    render();
    $("create-confirm-yes").focus();
  }

  /** Creates (start), resumes or rolls back the app registration; each step shows as it runs.
   *  The new secret never comes here: the core puts it in the keychain. */
  async function createApp(action) {
    state.createConfirm = null;
    const channel = new tauri.core.Channel();
    state.createSteps = [];
    channel.onmessage = (p) => {
      const text = p.text || t("rot.phase." + p.phase);
      const last = state.createSteps[state.createSteps.length - 1];
      // Repeated steps (the wait for Entra ID) update their line.
      if (last && last.phase === p.phase) last.text = text;
      else state.createSteps.push({ phase: p.phase, text });
      if (state.busy) state.busy.detail = text;
      renderBusy();
      if (state.view) renderCreateApp(state.view);
    };
    const input = {
      name: $("field-name").value,
      cloud: $("field-cloud").value,
      tenant: $("field-tenant").value,
      mailbox: $("create-mailbox").value,
      app_name: $("create-app-name").value,
      months: Number($("create-months").value) || 6,
    };
    const key = action === "roll_back" ? "creating_app_back" : state.view && state.view.demo ? "creating_app_demo" : "creating_app";
    const r = await call("create_app_registration", { input, action, onProgress: channel }, key, true);
    state.createSteps = null;
    if (r.ok) {
      state.problems = {};
      setView(r.value);
      if (r.value.step === "permissions") fillAzureForm();
    } else if (r.error && r.error.code === "invalid") {
      state.problems = {};
      for (const p of r.error.problems || []) (state.problems[p.field] = state.problems[p.field] || []).push(p);
    }
    render();
  }

  /** "Fix it": the administrator signs in, the core reads what it would change; the plan is
   *  shown here and applied only after "Apply changes". */
  async function fixPlan() {
    state.fixPlan = null;
    state.fixNote = null;
    const r = await call("fix_plan", {}, state.view && state.view.demo ? "fix_signin_demo" : "fix_signin", true);
    if (r.ok) {
      if (r.value.nothing) state.fixNote = [t("fix.nothing"), r.value.rotate].filter(Boolean).join(" ");
      else state.fixPlan = r.value;
    }
    render();
    if (state.fixPlan) $("fix-apply").focus();
  }

  async function fixApply() {
    state.fixPlan = null;
    const channel = new tauri.core.Channel();
    channel.onmessage = (text) => {
      if (state.busy) state.busy.detail = text;
      renderBusy();
    };
    const r = await call("fix_apply", { onProgress: channel }, "fixing", true);
    if (r.ok) {
      setView(r.value);
      const failed = (r.value.permissions || []).some((c) => c.status === "fail");
      state.fixNote = t(failed ? "fix.still_failing" : "fix.done");
    }
    render();
  }

  async function fixCancel() {
    state.fixPlan = null;
    await quiet("fix_discard");
    render();
  }

  async function openExternal(url) {
    const r = await call("open_external", { url });
    if (!r.ok && r.error && r.error.code === "demo_external") {
      state.error = { code: "demo_external", extra: t("error.demo_external_url", { url }) };
      render();
    }
  }

  async function saveExpiry() {
    const r = await call("set_expiry", { date: $("expiry-input").value }, "saving");
    if (r.ok) {
      setView(r.value);
      delete state.problems.expiry;
    } else if (r.error && r.error.code === "invalid") {
      state.problems.expiry = r.error.problems;
      state.error = null;
    }
    render();
  }

  async function saveReminders() {
    const n = Number.parseInt($("warn-days").value, 10);
    const warnDays = Number.isFinite(n) && n >= 0 ? n : 9999;
    const days = Array.from(document.querySelectorAll("[data-day]"))
      .filter((box) => box.checked)
      .map((box) => Number(box.dataset.day));
    const desktop = $("reminders-desktop").checked;
    const r = await call("set_reminders", { warnDays, days, desktop });
    if (r.ok) {
      setView(r.value);
      delete state.problems.warn_days;
    } else if (r.error && r.error.code === "invalid") {
      state.problems.warn_days = r.error.problems;
      state.error = null;
    }
    render();
  }

  async function setAutostart() {
    const r = await call("set_autostart", { enabled: $("start-at-login").checked });
    if (r.ok) state.background = r.value;
    render();
  }

  async function loadReminders() {
    const r = await quiet("pending_reminders");
    if (r.ok) {
      state.reminders = r.value;
      render();
    }
  }

  /** Opens the reminder's profile: on its Secret expiry step, or (`troubleshoot`) in the
   *  troubleshooter ("Something's wrong?"). */
  async function openReminder(banner, troubleshoot, rotateNow) {
    state.notes = {};
    const r = await call("open_reminder", { id: banner.id, profile: banner.profile }, "loading");
    if (r.ok) {
      state.screen = null;
      setView(r.value);
    }
    await loadReminders();
    if (r.ok && troubleshoot) await showTroubleshoot();
    if (r.ok && rotateNow) askRotate("start");
  }

  /** Opens a saved profile on its Secret expiry step, where its open rotation is offered. */
  async function openRotation(profile) {
    state.notes = {};
    const r = await call("open_profile", { name: profile }, "loading");
    if (!r.ok) return;
    state.screen = null;
    setView(r.value);
    await goTo("secret-expiry");
  }

  /** Starts, resumes or rolls back the secret's rotation; each step shows as it runs. The new
   *  secret never comes here: when it must be pasted into Genesys Cloud, the shell puts it on
   *  the clipboard and this page only says where to paste it and waits for "Done". */
  /** The months typed for a new secret, or null (the problem is shown). */
  function rotateMonths() {
    const raw = $("rotate-months").value.trim();
    const max = (state.view && state.view.rotation && state.view.rotation.max_months) || 24;
    const months = Number(raw);
    if (!/^\d+$/.test(raw) || months < 1 || months > max) {
      state.problems.rotate_months = [{ field: "rotate_months", severity: "error", text: t("rot.months_invalid", { max }) }];
      render();
      return null;
    }
    state.problems.rotate_months = [];
    return months;
  }

  /** Start and roll back change production: they ask first (resume continues what was
   *  confirmed before). */
  function askRotate(action) {
    if (action === "start") {
      const months = rotateMonths();
      if (months === null) return;
      askFirst("rotate", { months });
    } else askFirst("roll_back");
  }

  async function rotateSecret(action) {
    let months = 6;
    if (action === "start") {
      const m = state.confirm && state.confirm.kind === "rotate" ? state.confirm.months : rotateMonths();
      if (m === null) return;
      months = m;
    }
    state.confirm = null;
    const channel = new tauri.core.Channel();
    state.rotateSteps = [];
    channel.onmessage = (p) => {
      const text = p.text || t("rot.phase." + p.phase);
      const last = state.rotateSteps[state.rotateSteps.length - 1];
      // Repeated steps (the wait for Entra ID) update their line.
      if (last && last.phase === p.phase && last.step === (p.step || null)) last.text = text;
      else state.rotateSteps.push({ phase: p.phase, step: p.step || null, text });
      state.rotatePaste = p.phase === "paste";
      if (state.busy) state.busy.detail = text;
      renderBusy();
      renderRotatePaste();
      if (state.view) renderRotation(state.view);
    };
    const r = await call("rotate_secret", { action, months, onProgress: channel }, action === "roll_back" ? "rotating_back" : "rotating", true);
    state.rotatePaste = false;
    renderRotatePaste();
    if (r.ok) setView(r.value);
    render();
    if (r.ok) await loadReminders();
  }

  async function answerPaste(done) {
    state.rotatePaste = false;
    renderRotatePaste();
    await quiet("confirm_paste", { done });
  }

  function renderRotatePaste() {
    show($("rotate-paste"), !!state.rotatePaste);
  }

  async function dismissReminder(banner) {
    const r = await quiet("dismiss_reminder", { id: banner.id });
    if (r.ok) state.reminders = r.value;
    render();
  }

  async function saveCalendar() {
    const r = await call("save_calendar", { title: t("exp.calendar") }, "saving_file");
    if (r.ok && r.value) state.notes["expiry-calendar-note"] = t("exp.calendar_saved", { path: r.value.path });
    render();
  }

  async function exportConfig() {
    state.notes = {};
    const r = await call("export_config", { allowFailed: $("export-anyway").checked, title: t("sum.export.button") }, "saving_file");
    if (r.ok && r.value) {
      state.notes["summary-export-note"] = t(r.value.validated ? "sum.exported" : "sum.exported_unvalidated", { path: r.value.path });
    } else if (!r.ok && r.error && r.error.code !== "cancelled") {
      // The refusal (or failure) is said beside the export button, where the admin is looking.
      state.error = null;
      const e = r.error;
      state.notes["summary-export-error"] = e.extra || e.text || e.message || t("error.generic");
    }
    render();
    // The result is scrolled into view, clear of the sticky step navigation.
    const shown = ["summary-export-note", "summary-export-error"].map($).find((el) => el && !el.hidden);
    if (shown) shown.scrollIntoView({ block: "nearest" });
  }

  async function copy(what) {
    const r = await call("copy_value", { what });
    if (r.ok) state.notes["copy-note"] = t("sum.copied", { what: t(what === "client_id" ? "field.client_id" : "sum.token_endpoint") });
    render();
  }

  async function showProfiles() {
    state.screen = "profiles";
    state.confirmRemove = null;
    state.recheck = null;
    render();
    const r = await call("list_profiles", {}, "loading");
    if (r.ok) state.profiles = r.value;
    render();
  }

  /** Re-checks saved profiles (all when `names` is empty): "3 of 7 checked" while it runs, and
   *  each row's verdict as its check finishes (the core streams them). */
  async function recheck(names) {
    const channel = new tauri.core.Channel();
    state.recheck = null;
    channel.onmessage = (p) => {
      state.recheck = p;
      if (p.row && state.profiles) state.profiles = state.profiles.map((x) => (x.name === p.row.name ? p.row : x));
      if (state.busy) state.busy.detail = t("profiles.progress", { done: p.done, total: p.total });
      renderBusy();
      renderProfiles();
    };
    const r = await call("recheck_profiles", { names, onProgress: channel }, names.length ? "checking" : "checking_all");
    if (r.ok) state.profiles = r.value;
    render();
  }

  async function openProfile(name) {
    const r = await call("open_profile", { name }, "loading");
    if (!r.ok) return;
    state.screen = null;
    setView(r.value);
    render();
    await runChecks();
  }

  async function removeProfile(name) {
    if (state.confirmRemove !== name) {
      state.confirmRemove = name;
      render();
      setTimeout(() => {
        if (state.confirmRemove === name) {
          state.confirmRemove = null;
          render();
        }
      }, 5000);
      return;
    }
    state.confirmRemove = null;
    const r = await call("remove_profile", { name }, "saving");
    if (r.ok) state.profiles = r.value;
    await refreshView();
  }

  async function restartWizard() {
    state.notes = {};
    const r = await call("restart", {}, "starting");
    if (r.ok) {
      state.problems = {};
      state.screen = null;
      setView(r.value);
    }
    render();
  }

  // ---------------------------------------------------------------- wiring
  function wire() {
    document.querySelectorAll("[data-lang]").forEach((btn) => btn.addEventListener("click", () => setLanguage(btn.dataset.lang)));
    document.querySelectorAll("[data-choice]").forEach((btn) => btn.addEventListener("click", () => choose(btn.dataset.choice)));
    $("import-confirm-go").addEventListener("click", () => confirmImport(true));
    $("import-cancel").addEventListener("click", () => confirmImport(false));
    document.querySelectorAll(".steps li").forEach((li) => li.querySelector("button").addEventListener("click", () => goTo(li.dataset.step)));
    $("rail-profiles").addEventListener("click", showProfiles);
    $("rail-troubleshoot").addEventListener("click", showTroubleshoot);
    $("ts-run").addEventListener("click", () => runDiagnosis(null));
    $("ts-back").addEventListener("click", () => {
      state.screen = null;
      render();
    });
    $("ts-help-search").addEventListener("input", (e) => {
      state.tsFilter = e.target.value;
      renderTroubleshoot();
    });
    $("profiles-back").addEventListener("click", () => {
      state.screen = null;
      render();
    });
    $("profiles-recheck-all").addEventListener("click", () => recheck([]));
    $("wizard-next").addEventListener("click", next);
    $("wizard-back").addEventListener("click", back);
    $("error-close").addEventListener("click", () => {
      state.error = null;
      render();
    });
    $("busy-cancel").addEventListener("click", () => invoke && invoke("cancel_wait"));
    $("error-action").addEventListener("click", () => {
      state.error = null;
      goTo("azure-app");
    });
    $("demo-scenario").addEventListener("change", (e) => pickScenario(e.target.value));
    $("demo-genesys-scenario").addEventListener("change", (e) => pickGenesysScenario(e.target.value));
    $("notices-dismiss").addEventListener("click", dismissNotices);

    // Genesys Cloud.
    $("genesys-save").addEventListener("click", saveGenesys);
    $("genesys-remove").addEventListener("click", () => askFirst("remove_genesys"));
    $("genesys-remove-confirm-yes").addEventListener("click", removeGenesys);
    $("genesys-remove-confirm-no").addEventListener("click", cancelConfirm);
    $("genesys-check").addEventListener("click", () => runChecks("checking_genesys"));
    $("genesys-restart").addEventListener("click", () => askFirst("restart"));
    $("genesys-restart-confirm-yes").addEventListener("click", restartGenesys);
    $("genesys-restart-confirm-no").addEventListener("click", cancelConfirm);
    $("genesys-form").addEventListener("submit", (e) => {
      e.preventDefault();
      saveGenesys();
    });
    $("genesys-form").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && e.target.tagName === "INPUT") {
        e.preventDefault();
        saveGenesys();
      }
    });

    // Azure app form: live validation, paste-aware.
    const fields = { name: "field-name", tenant: "field-tenant", client_id: "field-client-id", secret: "field-secret" };
    for (const [field, id] of Object.entries(fields)) {
      const input = $(id);
      input.dataset.field = field;
      input.addEventListener("input", () => {
        if (state.pasted[field]) return;
        scheduleValidate(field);
      });
      input.addEventListener("paste", () => {
        state.pasted[field] = true;
        clearTimeout(timers[field]);
        setTimeout(() => {
          state.pasted[field] = false;
          validate(field, true);
        }, 0);
      });
      input.addEventListener("blur", () => {
        if (input.value.length && field !== "secret") validate(field, true);
      });
    }
    $("field-i-know").addEventListener("change", () => validate("secret", false));
    $("azure-form").addEventListener("submit", (e) => {
      e.preventDefault();
      next();
    });
    $("azure-form").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && e.target.tagName === "INPUT" && e.target.type !== "checkbox") {
        e.preventDefault();
        next();
      }
    });
    document.querySelectorAll("[data-portal]").forEach((btn) =>
      btn.addEventListener("click", () => {
        const url = state.view && state.view.portal[btn.dataset.portal];
        if (url) openExternal(url);
      }),
    );

    // Permissions.
    $("perm-recheck").addEventListener("click", () => runChecks());
    $("perm-consent").addEventListener("click", consent);
    $("perm-admin-verify").addEventListener("click", adminVerify);
    $("perm-fix").addEventListener("click", fixPlan);
    $("fix-apply").addEventListener("click", fixApply);
    $("fix-cancel").addEventListener("click", fixCancel);

    // Azure app: create it for me.
    $("create-start").addEventListener("click", askCreateApp);
    $("create-confirm-yes").addEventListener("click", () => createApp("start"));
    $("create-confirm-no").addEventListener("click", () => {
      state.createConfirm = null;
      render();
    });
    $("create-resume").addEventListener("click", () => createApp("resume"));
    $("create-rollback").addEventListener("click", () => createApp("roll_back"));

    // Mailboxes.
    $("mailbox-add").addEventListener("click", () => addMailbox());
    $("mailbox-input").addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        addMailbox();
      }
    });
    $("probe-set").addEventListener("click", () => setProbe(false));
    $("probe-clear").addEventListener("click", () => setProbe(true));
    $("probe-demo-use").addEventListener("click", () => {
      const v = state.view;
      if (!v || !v.demo || !v.demo.probe_suggestion) return;
      $("probe-input").value = v.demo.probe_suggestion;
      setProbe(false);
    });
    $("probe-input").addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        setProbe(false);
      }
    });
    $("mailboxes-check").addEventListener("click", () => runChecks());

    // Live test, expiry, summary.
    $("live-run").addEventListener("click", runLive);
    document.querySelectorAll('input[name="live-mode"]').forEach((r) => r.addEventListener("change", () => setLiveMode(r.value)));
    $("pickup-confirm-yes").addEventListener("click", runPickup);
    $("pickup-confirm-no").addEventListener("click", () => {
      state.pickupConfirm = false;
      render();
      $("live-run").focus();
    });
    $("expiry-save").addEventListener("click", saveExpiry);
    $("warn-days").addEventListener("change", saveReminders);
    $("reminders-desktop").addEventListener("change", saveReminders);
    document.querySelectorAll("[data-day]").forEach((box) => box.addEventListener("change", saveReminders));
    $("start-at-login").addEventListener("change", setAutostart);
    $("expiry-calendar").addEventListener("click", saveCalendar);
    $("rotate-start").addEventListener("click", () => askRotate("start"));
    $("rotate-resume").addEventListener("click", () => rotateSecret("resume"));
    $("rotate-rollback").addEventListener("click", () => askRotate("roll_back"));
    $("rotate-confirm-yes").addEventListener("click", () => {
      if (state.confirm) rotateSecret(state.confirm.kind === "roll_back" ? "roll_back" : "start");
    });
    $("rotate-confirm-no").addEventListener("click", cancelConfirm);
    $("rotate-paste-done").addEventListener("click", () => answerPaste(true));
    $("rotate-paste-cancel").addEventListener("click", () => answerPaste(false));
    $("summary-export").addEventListener("click", exportConfig);
    $("summary-profiles").addEventListener("click", showProfiles);
    $("summary-restart").addEventListener("click", restartWizard);
    document.querySelectorAll("[data-copy]").forEach((btn) => btn.addEventListener("click", () => copy(btn.dataset.copy)));
  }

  // Start-up phases (UNIX epoch ms) for the benchmark's start-up trace; sent with ui_ready.
  const clock = () => performance.timeOrigin + performance.now();
  const marks = [["page_start", performance.timeOrigin], ["script", clock()]];

  window.addEventListener("load", () => marks.push(["load", clock()]));
  document.addEventListener("DOMContentLoaded", async () => {
    marks.push(["dom_ready", clock()]);
    state.lang = initialLanguage();
    wire();
    keepFocusInView();
    new MutationObserver(labelStates).observe(document.getElementById("main"), {
      subtree: true,
      attributes: true,
      attributeFilter: ["class", "data-state"],
    });
    if (typeof invoke !== "function") {
      render(); // plain browser preview: no app behind the page
      return;
    }
    // Listen first, so a reminder check that ends while the page loads is not missed.
    const events = tauri.event;
    if (events && typeof events.listen === "function") {
      events.listen("reminders-changed", () => loadReminders());
      events.listen("view-changed", async () => {
        state.screen = null;
        await refreshView();
        await loadReminders();
      });
    }
    // One call for everything the first step needs, and the first render only after it: every
    // IPC round trip and every painted frame before the real first step delays it.
    marks.push(["ipc_sent", clock()]);
    const start = await quiet("start_state", { lang: state.lang });
    if (start.ok) {
      const s = start.value;
      state.texts = s.texts || {};
      state.info = s.info;
      state.scenarios = s.scenarios;
      state.genesysScenarios = s.genesys_scenarios || [];
      setView(s.view);
      state.reminders = s.reminders;
      state.background = s.background;
    } else {
      const e = start.error;
      state.error = typeof e === "object" && e ? e : { code: "generic", message: String(e) };
    }
    marks.push(["ipc_done", clock()]);
    state.shownStep = null;
    render();
    marks.push(["rendered", clock()]);
    // The first step is on screen and interactive (the second animation frame after the render
    // starts only after the compositor has shown the first): tell the shell (start-up benchmark
    // marker) and keep the language for reminders shown outside the window.
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      marks.push(["painted", clock()]);
      quiet("ui_ready", { marks });
    }, 0)));
    // The core words results in the UI's language: tell it, then take the view in it.
    quiet("set_language", { lang: state.lang }).then(() => refreshFormFromCore());
  });
})();
