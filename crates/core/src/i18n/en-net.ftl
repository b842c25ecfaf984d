# graphwiz — English messages of the network layer (TLS, proxies). Same ids as de-net.ftl.
# Arguments: $host (host[:port] asked), $via (direct | loopback | bypass | proxy), $proxy (the
# proxy's URL, never its password), $source (HTTPS_PROXY, ALL_PROXY, NO_PROXY or system),
# $detail (the low-level reason, as the OS or TLS library says it), $kind (of a certificate
# problem), $problem (of a proxy), $step (tenant | token | other), $error (connect | proxy | tls).
# net-route is referenced by the others and sees their arguments.

## How a request went out

net-route = { $via ->
    [proxy] through the proxy { $proxy } (set by { $source ->
        [system] the system's proxy settings
       *[other] { $source }
    })
    [loopback] directly (loopback addresses never go through a proxy)
    [bypass] directly ({ $source ->
        [system] the system's proxy exceptions list
       *[other] { $source }
    } exempts this host from the proxy)
   *[direct] directly, without a proxy (none is set in HTTPS_PROXY, ALL_PROXY or the system's proxy settings)
}

## Failures

net-connect = could not talk to { $host }: { $detail } (the request went { net-route })
    .fix = Check the network connection and that https://{ $host } is reachable from this computer (DNS, proxy, firewall, TLS inspection).{ $via ->
        [direct] { " " }If this network only lets traffic out through a proxy, set it in HTTPS_PROXY (for example http://proxy.example.com:8080) or in the system's proxy settings; graphwiz does not run proxy auto-configuration (PAC) scripts.
       *[other] {""}
    }

net-proxy = could not reach { $host } { net-route }: { $problem ->
        [auth] the proxy asks for a sign-in (HTTP 407 Proxy Authentication Required)
        [refused] the proxy refused to open a tunnel (CONNECT) to { $host }
        [closed] the proxy closed the connection while opening the tunnel
       *[connect] the proxy itself could not be reached ({ $detail })
    }
    .fix = { $problem ->
        [auth] Put the proxy account into the proxy URL (http://user:password@proxy:port in HTTPS_PROXY), or ask the network team to let { $host } through without a sign-in; graphwiz cannot sign in to a proxy with Windows authentication (NTLM, Kerberos).
        [refused] Ask the network team to allow HTTPS (CONNECT) to { $host } through the proxy, or add the host to NO_PROXY if it is to be reached directly.
       *[other] Check the proxy's address and port ({ $proxy }) and that the proxy runs and is reachable from this computer; if this network needs no proxy, remove the setting.
    }

net-tls = { $kind ->
        [unknown_issuer] the certificate that { $host } presented was issued by a certificate authority this computer does not trust (unknown issuer); the request went { net-route }. On company networks this usually means TLS inspection: a proxy or firewall opens HTTPS traffic and signs it again with the company's own certificate authority, which then has to be in the operating system's trust store
        [expired] the certificate that { $host } presented has expired; the request went { net-route }
        [not_yet_valid] the certificate that { $host } presented is not valid yet (is this computer's clock right?); the request went { net-route }
        [wrong_name] the certificate that { $host } presented was issued for another name; the request went { net-route }
       *[other] the certificate that { $host } presented was not accepted ({ $detail }); the request went { net-route }
    }
    .fix = { $kind ->
        [unknown_issuer] If your company inspects TLS, ask IT for its root CA certificate and add it to the operating system's trust store: Windows: certlm.msc → Trusted Root Certification Authorities (usually rolled out by group policy); macOS: Keychain Access → System keychain → import it, then Trust → Always Trust; Linux: copy it as a .crt file (PEM) to /usr/local/share/ca-certificates/ and run sudo update-ca-certificates, or name a CA bundle in SSL_CERT_FILE. graphwiz checks certificates against the operating system's trust store and nothing else. If nothing on your network should inspect TLS, stop here: someone may be intercepting the connection.
        [not_yet_valid] Set this computer's date, time and time zone correctly, then run the check again.
       *[other] Something between this computer and { $host } presents a certificate that is not the service's own (TLS inspection, a captive portal), or the login or Graph URL points to the wrong server. Check the URLs and the proxy, or try another network.
    }

## A check that failed on one of them

net-failed = { $step ->
        [tenant] Could not look up the tenant
        [token] Could not get a token
       *[other] The request failed
    }: { $error ->
        [tls] { net-tls }
        [proxy] { net-proxy }
       *[connect] { net-connect }
    }.
    .fix = { $error ->
        [tls] { net-tls.fix }
        [proxy] { net-proxy.fix }
       *[connect] { net-connect.fix }
    }
