# graphwiz — English messages of the command line's own tools (completions, man pages). Same ids
# as de-cli.ftl.

cli-man-written = { $count ->
    [one] { $count } man page written to { $dir }.
   *[other] { $count } man pages written to { $dir }.
}
cli-write-failed = Could not write { $path }: { $detail }
