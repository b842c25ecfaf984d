# graphwiz — English messages (azure). Same ids and arguments as de-azure.ftl.
