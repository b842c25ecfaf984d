// English UI catalog. Keys are referenced by data-i18n attributes in index.html and by js/app.js.
"use strict";
(window.GRAPHWIZ_I18N = window.GRAPHWIZ_I18N || {}).en = {
  "app.name": "graphwiz",
  "app.tagline": "Email setup for Genesys Cloud",
  "rail.label": "Setup steps",
  "lang.label": "Language",

  "step.start": "Start",
  "step.azure_app": "Azure app",
  "step.permissions": "Permissions & consent",
  "step.mailboxes": "Mailboxes",
  "step.live_test": "Live test",
  "step.secret_expiry": "Secret expiry",
  "step.summary": "Summary",

  "start.title": "Welcome to graphwiz",
  "start.purpose": "Set up the Microsoft Graph email integration of Genesys Cloud and prove that it works.",
  "start.new.title": "New setup",
  "start.new.desc": "Step by step through the Azure app registration: directory (tenant) ID, application (client) ID, client secret, API permissions and admin consent.",
  "start.open.title": "Open a saved profile",
  "start.open.desc": "Continue with a tenant you have already set up or checked with graphwiz.",
  "start.import.title": "Import a config file",
  "start.import.desc": "Take over tenant and app settings from a file, for example one a colleague exported.",
  "start.demo.title": "Try the demo tenant",
  "start.demo.desc": "Walk through every step against a built-in test tenant, without a Microsoft 365 account.",
  "start.later": "“{choice}” is coming in a later version of graphwiz. Nothing has been set up or changed.",

  "footer.versions": "App {version} · Core {core}"
};
