import { readFileSync } from 'fs';
import { ChangePlanJson } from './risk/changes';
import { checkPlanShape } from './risk/plan-shape';

/** A `--plan` file that cannot be classified; the message names the file and, for a wrong shape, the path in it. */
export class PlanFileError extends Error {}

/** The JSON of a real plan (`terraform show -json plan.out`), checked where the classifier reads it. */
export function readPlanFile(file: string): ChangePlanJson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanFileError(`--plan ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return checkPlanShape(JSON.parse(text));
  } catch (error) {
    // One line, even when the parser quotes a piece of the file that holds a line break.
    throw new PlanFileError(`--plan ${file}: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
  }
}
