# graphwiz — English messages (store). Same ids and arguments as de-store.ftl.
