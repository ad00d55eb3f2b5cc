// Preloaded into a child process (node --require): prints its peak resident set size when it exits, so a test can
// hold a run to a memory bound without /usr/bin/time. process.resourceUsage().maxRSS is in kilobytes (getrusage).
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`))
