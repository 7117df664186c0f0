const { readFileSync } = require('fs');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Starts the suites that plan with the real provider first: they are the longest, and on a fresh clone jest has no
 * timings yet and would order by file size, leaving one of them to run alone at the end on an otherwise idle core.
 * With timings (a second run), jest's own order (slowest first) already does this; the rest keep jest's order.
 */
class TerraformFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const usesTerraform = (test) => /\bdescribeWithTerraform\(/.test(readFileSync(test.path, 'utf8'));
    return [...ordered.filter(usesTerraform), ...ordered.filter((test) => !usesTerraform(test))];
  }
}

module.exports = TerraformFirstSequencer;
