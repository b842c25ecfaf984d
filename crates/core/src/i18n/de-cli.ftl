# graphwiz — deutsche Meldungen der eigenen Werkzeuge der Kommandozeile (Vervollständigung,
# Man-Pages). Dieselben IDs wie en-cli.ftl.

cli-man-written = { $count ->
    [one] { $count } Man-Page nach { $dir } geschrieben.
   *[other] { $count } Man-Pages nach { $dir } geschrieben.
}
cli-write-failed = { $path } konnte nicht geschrieben werden: { $detail }
