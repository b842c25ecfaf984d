# graphwiz — English messages (ui). Same ids and arguments as de-ui.ftl.
