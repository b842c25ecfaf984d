// Deutscher UI-Katalog. Begriffe wie im deutschsprachigen Azure-Portal
// ("Anwendungs-ID (Client)", "Verzeichnis-ID (Mandant)", "Geheimer Clientschlüssel",
// "Administratorzustimmung erteilen"). Gleiche Schlüssel wie en.js.
"use strict";
(window.GRAPHWIZ_I18N = window.GRAPHWIZ_I18N || {}).de = {
  "app.name": "graphwiz",
  "app.tagline": "E-Mail-Einrichtung für Genesys Cloud",
  "rail.label": "Einrichtungsschritte",
  "lang.label": "Sprache",

  "step.start": "Start",
  "step.azure_app": "Azure-App",
  "step.permissions": "Berechtigungen & Zustimmung",
  "step.mailboxes": "Postfächer",
  "step.live_test": "Live-Test",
  "step.secret_expiry": "Ablauf des Clientschlüssels",
  "step.summary": "Zusammenfassung",

  "start.title": "Willkommen bei graphwiz",
  "start.purpose": "Richten Sie die Microsoft Graph-E-Mail-Integration von Genesys Cloud ein und weisen Sie nach, dass sie funktioniert.",
  "start.new.title": "Neue Einrichtung",
  "start.new.desc": "Schritt für Schritt durch die App-Registrierung in Azure: Verzeichnis-ID (Mandant), Anwendungs-ID (Client), geheimer Clientschlüssel, API-Berechtigungen und Administratorzustimmung.",
  "start.open.title": "Gespeichertes Profil öffnen",
  "start.open.desc": "Mit einem Mandanten weitermachen, den Sie mit graphwiz bereits eingerichtet oder geprüft haben.",
  "start.import.title": "Konfigurationsdatei importieren",
  "start.import.desc": "Mandanten- und App-Einstellungen aus einer Datei übernehmen, z. B. aus dem Export eines Kollegen.",
  "start.demo.title": "Demo-Mandanten ausprobieren",
  "start.demo.desc": "Alle Schritte an einem eingebauten Testmandanten durchspielen – ohne Microsoft 365-Konto.",
  "start.later": "„{choice}“ folgt in einer späteren Version von graphwiz. Es wurde nichts eingerichtet oder geändert.",

  "footer.versions": "App {version} · Core {core}"
};
