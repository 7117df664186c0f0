// Jest reporter: one line per test layer skipped because a tool is missing (see describeLayer in layer.ts), after the
// summary, so `npm test` without Terraform or Chromium says what did not run and how to install it.
const MARK = '[layer skipped]';

class SkippedLayersReporter {
  onRunComplete(_contexts, results) {
    const lines = results.testResults.flatMap((file) => file.testResults
      .filter((test) => test.status === 'pending' && test.title.startsWith(MARK))
      .map((test) => `skipped: ${test.ancestorTitles.join(' > ')}: ${test.title.slice(MARK.length).trim()}`));
    if (lines.length > 0) process.stderr.write(`\n${lines.join('\n')}\n`);
  }
}

module.exports = SkippedLayersReporter;
