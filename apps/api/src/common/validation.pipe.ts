import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationProblem } from './problem-details.filter.js';

/**
 * whitelist + forbidNonWhitelisted + transform (ARCHITECTURE.md, convention 4); errors become one
 * entry per field with a dotted path ("milestones.0.dueDate") and the failed rule.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
