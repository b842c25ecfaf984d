# graphwiz — English messages of the network layer (TLS, proxies). Same ids as de-net.ftl.
