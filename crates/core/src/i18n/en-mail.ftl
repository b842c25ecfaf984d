# graphwiz — English messages (mail). Same ids and arguments as de-mail.ftl.
