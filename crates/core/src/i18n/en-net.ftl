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

## Answers that are missing, cut off or not what was asked for
# $secs (the timeout), $received (bytes that arrived), $status (HTTP status), $detail (a nested
# net-* message saying where or how), $content_type (as sent), $label (json | other | none: how
# the answer was labelled), $title (of an HTML page) with $titled (yes | no), $mib (the size limit).

net-timeout = { $host } did not answer within { $secs } s
    .fix = Check that this computer can reach https://{ $host } (proxy, firewall, VPN), then run the check again; use --timeout to wait longer on a slow network.
net-broke-off = the connection to { $host } broke off before the answer was complete: { $detail }
    .fix = Run the check again. If it keeps happening, a proxy, firewall, VPN or TLS inspection device is cutting connections to https://{ $host }: ask the network team to allow that host, or try another network.
# How a connection ended early ($how: reset | closed | other, with the library's $cause; $progress:
# of (with $received and $announced) | bytes (with $received) | none).
net-broke-off-how = { $how ->
        [reset] the connection was reset
        [closed] the server closed the connection early
       *[other] the connection ended ({ $cause })
    }{ $progress ->
        [of] { " " }after { $received } of the { $announced } bytes announced; the answer is truncated
        [bytes] { " " }after { $received } bytes; the answer is truncated
       *[none] {""}
    }
net-cut-off = the JSON ends in the middle after { $bytes } bytes; the answer was cut off
net-too-slow = { $host } started to answer but did not finish within { $secs } s ({ $received } bytes arrived, and more kept trickling in)
    .fix = The answer from https://{ $host } trickled in too slowly: a proxy or a very slow network is holding it back. Check the proxy settings or try another network; use --timeout to wait longer.
# $status: 429 or 503; $retry: longer (Retry-After beyond the budget) | asked (waited as asked) |
# none (no Retry-After); $retry_after, $waited, $budget: seconds; $attempts: how many.
net-throttled = { $host } { $status ->
        [429] throttled the requests (HTTP 429 Too Many Requests)
       *[other] was unavailable or throttling (HTTP 503 Service Unavailable)
    } and { $retry ->
        [longer] asked to wait { $retry_after } s (Retry-After), longer than graphwiz's retry budget of { $budget } s; gave up after { $attempts ->
            [one] { $attempts } attempt
           *[other] { $attempts } attempts
        }
        [asked] was { $status ->
            [429] still throttled
           *[other] still unavailable
        } after { $attempts ->
            [one] { $attempts } attempt
           *[other] { $attempts } attempts
        } over { $waited } s of waiting, as its Retry-After ({ $retry_after } s) asked; graphwiz's retry budget of { $budget } s is spent
       *[none] was { $status ->
            [429] still throttled
           *[other] still unavailable
        } after { $attempts ->
            [one] { $attempts } attempt
           *[other] { $attempts } attempts
        } over { $waited } s of waiting (it sent no Retry-After); graphwiz's retry budget of { $budget } s is spent
    }
    .fix = Wait a few minutes, then run the check again. If it persists, another program may be using this app registration heavily, or a proxy is rate-limiting requests to https://{ $host }. A longer --timeout also lets graphwiz wait longer for throttling to clear (twice the timeout, up to 20 s).
net-html = { $host } answered with an HTML page{ $titled ->
        [yes] { " " }titled "{ $title }"
       *[no] {""}
    } (HTTP { $status }) instead of JSON: a proxy or captive portal answered in place of the service
    .fix = Open https://{ $host } in a browser on this computer: if a sign-in, terms-of-use or block page appears, complete it (captive portal) or ask the network team to allow { $host } through the proxy or web filter. Then run the check again.
net-not-json = the answer from { $host } (HTTP { $status }) is not JSON{ $label ->
        [json] , although it is labelled '{ $content_type }'
        [other] { " " }(it is labelled '{ $content_type }')
       *[none] {""}
    }: { $detail }
    .fix = Something between this computer and https://{ $host } (a proxy, web filter or TLS inspection) is answering or changing the answers, or the login or Graph URL points to the wrong server. Check the proxy settings and the URLs, or try another network; then run the check again.
net-syntax = invalid at line { $line }, column { $column }
net-empty = the answer is empty
net-wrong-type = the answer from { $host } (HTTP { $status }) is labelled '{ $content_type }' instead of JSON (application/json): a proxy or another server answered or changed it
    .fix = { net-not-json.fix }
net-too-large = the answer from { $host } is larger than { $mib } MiB; it is not a Microsoft Graph or Entra ID answer
    .fix = { net-bad-body.fix }
# $detail: what was wrong, in the words of the code that found it.
net-bad-body = { $detail }
    .fix = The service sent an answer graphwiz could not read; a proxy may have replaced it. Run the check again, and check the proxy if it persists.

## Any of them, by $error (connect | proxy | tls | timeout | broke_off | too_slow | throttled | html |
## not_json | wrong_type | too_large | bad_body), with that message's arguments

net-error = { $error ->
        [tls] { net-tls }
        [proxy] { net-proxy }
        [timeout] { net-timeout }
        [broke_off] { net-broke-off }
        [too_slow] { net-too-slow }
        [throttled] { net-throttled }
        [html] { net-html }
        [not_json] { net-not-json }
        [wrong_type] { net-wrong-type }
        [too_large] { net-too-large }
        [bad_body] { net-bad-body }
       *[connect] { net-connect }
    }
# What to do about it (the .fix of that message as a value, for texts made of parts).
net-advice = { $error ->
        [tls] { net-tls.fix }
        [proxy] { net-proxy.fix }
        [timeout] { net-timeout.fix }
        [broke_off] { net-broke-off.fix }
        [too_slow] { net-too-slow.fix }
        [throttled] { net-throttled.fix }
        [html] { net-html.fix }
        [not_json] { net-not-json.fix }
        [wrong_type] { net-wrong-type.fix }
        [too_large] { net-too-large.fix }
        [bad_body] { net-bad-body.fix }
       *[connect] { net-connect.fix }
    }

## A check that failed on one of them

net-failed = { $step ->
        [tenant] Could not look up the tenant
        [token] Could not get a token
       *[other] The request failed
    }: { net-error }.
    .fix = { net-advice }

## A run's throttling, as a note under its checks: the requests a service answered 429/503, each
## counted once, and the time graphwiz waited before retrying them ($service: microsoft | genesys |
## both; $requests; $secs).
net-run-throttled = { $service ->
        [genesys] Genesys Cloud
        [both] Microsoft Graph and Genesys Cloud
       *[microsoft] Microsoft Graph
    } throttled { $requests ->
        [one] 1 request
       *[other] { $requests } requests
    }; graphwiz waited { $secs } s and retried.
