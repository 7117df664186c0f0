import { Block } from '../stack-model/terraform-json';

const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

/**
 * An IAM policy document as a rule can read it: literal JSON (JSON.stringify in the construct), or the
 * `${jsonencode({...})}` expression cdktf writes for Fn.jsonencode, whose HCL object syntax is turned back into JSON
 * (references such as `aws_s3_bucket.b.arn` become the strings `"${aws_s3_bucket.b.arn}"`). Undefined when the
 * document is anything else (e.g. a data source's output), which rules then report as unreadable.
 */
export function parsePolicyDocument(text: string): Block | undefined {
  const encoded = JSONENCODE.exec(text.trim());
  try {
    const parsed: unknown = JSON.parse(encoded ? hclToJson(encoded[1]) : text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Block : undefined;
  } catch {
    return undefined;
  }
}

/** Rewrites an HCL object/tuple expression of literals and references as JSON text. */
function hclToJson(hcl: string): string {
  let out = '';
  let i = 0;
  while (i < hcl.length) {
    const char = hcl[i];
    if (char === '"') {
      const [literal, end] = stringLiteral(hcl, i);
      out += literal;
      i = end;
    } else if (char === '=') {
      out += ':';
      i += 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const [word] = /^[A-Za-z_][\w-]*(?:\.[\w*-]+|\[[^\]]*\])*/.exec(hcl.slice(i))!;
      out += ['true', 'false', 'null'].includes(word) ? word : JSON.stringify(`\${${word}}`);
      i += word.length;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/**
 * The string literal starting at `start` as JSON text, and the index just past it. Quotes inside `${...}`
 * interpolations (e.g. `"${lookup(m, "k")}"`) do not end the string; they are escaped for JSON.
 */
function stringLiteral(text: string, start: number): [string, number] {
  let literal = '"';
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      literal += text.slice(i, i + 2);
      i += 1;
    } else if (char === '$' && text[i + 1] === '{') {
      literal += '${';
      depth += 1;
      i += 1;
    } else if (char === '}' && depth > 0) {
      literal += char;
      depth -= 1;
    } else if (char === '"') {
      if (depth === 0) return [`${literal}"`, i + 1];
      literal += '\\"';
    } else {
      literal += char;
    }
  }
  return [literal, text.length];
}
