import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy } from 'class-validator';

/**
 * A text that must say something: names, titles, labels, reasons. Trimmed before it is checked
 * and stored, so that "   " is refused (it was stored as an empty name or reason) and the length
 * limit counts what is kept. Combine with IsOptionalNotNull() for a PATCH field.
 */
export function RequiredText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    ValidateBy({ name: 'isNotBlank', validator: { validate: (v) => typeof v === 'string' && v.length > 0, defaultMessage: () => 'must not be empty or only spaces' } }),
    MaxLength(maxLength),
  );
}
