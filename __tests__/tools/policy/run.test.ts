import { allRules } from '../../../tools/policy/rules';
import { logRetention } from '../../../tools/policy/rules/log-retention';
import { checkStacks, formatReport } from '../../../tools/policy/run';
import { fixture } from '../../helpers/policy';

const REASON = 'audit trail kept forever by legal requirement';
const group = (waivers?: Record<string, string>) => ({
  name: '/audit',
  ...(waivers ? { '//': { metadata: { path: 'app/audit/log-group' }, policy_waivers: waivers } } : {}),
});

describe('checkStacks', () => {
  test('a violation names the stack, the address, the construct path and the fix', () => {
    const report = checkStacks([{ name: 'api', model: fixture({ aws_cloudwatch_log_group: { g: group({}) } }) }], [logRetention]);
    expect(report.violations).toHaveLength(1);
    const text = formatReport(report, ['api'], 1);
    expect(text).toContain('MRA-LOGS-RETENTION  api: aws_cloudwatch_log_group.g');
    expect(text).toContain('made by app/audit/log-group');
    expect(text).toContain(`fix: ${logRetention.fix}`);
    expect(text).toContain('1 violation, 0 waived; 1 rules on 1 stack (api)');
  });

  test('a resource waiving that rule with a reason moves the finding to "waived", printed with the reason', () => {
    const stack = fixture({ aws_cloudwatch_log_group: { g: group({ 'MRA-LOGS-RETENTION': REASON }) } });
    const report = checkStacks([{ name: 'api', model: stack }], [logRetention]);
    expect(report.violations).toEqual([]);
    expect(report.waived.map((f) => f.waiver)).toEqual([REASON]);
    expect(formatReport(report, ['api'], 1)).toContain(`reason: ${REASON}`);
  });

  test('a waiver of another rule, or without a real reason, waives nothing', () => {
    const cases: Array<Record<string, string>> = [{ 'MRA-IAM-WILDCARD': REASON }, { 'MRA-LOGS-RETENTION': 'because' }];
    for (const waivers of cases) {
      const report = checkStacks([{ name: 'api', model: fixture({ aws_cloudwatch_log_group: { g: group(waivers) } }) }], [logRetention]);
      expect(report.violations.map((f) => f.rule.id)).toEqual(['MRA-LOGS-RETENTION']);
    }
  });

  test('MRA-POLICY-WAIVER reports waivers of unknown rules and waivers without a reason', () => {
    const stack = fixture({
      aws_cloudwatch_log_group: {
        typo: { ...group({ 'MRA-LOGS-RETENTON': REASON }), retention_in_days: 7 },
        terse: { ...group({ 'MRA-LOGS-RETENTION': 'ok' }), retention_in_days: 7 },
        fine: { ...group({ 'MRA-LOGS-RETENTION': REASON }), retention_in_days: 7 },
      },
    });
    const report = checkStacks([{ name: 'api', model: stack }], allRules());
    expect(report.violations.filter((f) => f.rule.id === 'MRA-POLICY-WAIVER').map((f) => [f.address, f.message])).toEqual([
      ['aws_cloudwatch_log_group.typo', '"MRA-LOGS-RETENTON" is not a known rule'],
      ['aws_cloudwatch_log_group.terse', expect.stringContaining('needs a reason of at least 20 characters')],
    ]);
  });
});
