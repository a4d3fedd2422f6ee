// Loaded with --import into a measured process: reports its peak resident set size on exit.
process.on('exit', () => process.stderr.write(`\nbench:maxrss=${process.resourceUsage().maxRSS}\n`));
