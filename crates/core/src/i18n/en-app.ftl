# graphwiz — English messages (app). Same ids and arguments as de-app.ftl.
