import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationProblem } from './problem-details.filter.js';

/**
 * whitelist + forbidNonWhitelisted + transform (ARCHITECTURE.md, convention 4); errors become one
 * entry per field with a dotted path ("milestones.0.dueDate") and the failed rule.
 */
export function createValidationPipe(): ValidationPipe {
  return new WellFormedTextValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(flatten(errors)),
  });
}

export function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({ field, code: rule === 'whitelistValidation' ? 'UNKNOWN_FIELD' : rule.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), message: rule === 'whitelistValidation' ? 'this field is not allowed' : message });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * Refuses text that is not well-formed Unicode (a lone UTF-16 surrogate, e.g. "\ud800" in JSON)
 * before any rule runs: validator's isEmail calls encodeURI, which throws a URIError on it (a
 * 500), and PostgreSQL would store it as U+FFFD, a silent change of what was sent.
 */
class WellFormedTextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertWellFormedText(value, metadata.type === 'body' || metadata.type === 'query' ? '' : (metadata.data ?? metadata.type));
    return super.transform(value, metadata);
  }
}

/** Also for the bodies that are read before the pipe runs (passport-local's login). */
export function assertWellFormedText(value: unknown, root = ''): void {
  const field = malformedTextAt(value, root);
  if (field !== null) throw new ValidationProblem([{ field: field || 'body', code: 'MALFORMED_TEXT', message: 'contains a broken character (not valid Unicode text)' }]);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string that is not well-formed Unicode, or null. */
export function malformedTextAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  // Deeper than any DTO goes: such bodies are refused by validation anyway.
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const at = malformedTextAt(v, path ? `${path}.${k}` : k, depth + 1);
    if (at !== null) return at;
  }
  return null;
}
