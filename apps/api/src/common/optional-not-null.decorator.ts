import { ValidateIf } from 'class-validator';

/**
 * For PATCH bodies: the field may be left out, but `null` is validated (and so refused) like any
 * other value. class-validator's IsOptional (and swagger's PartialType) would let null through to
 * the service, where it ends as a 500 instead of a 400 naming the field.
 */
export const IsOptionalNotNull = () => ValidateIf((_: object, v: unknown) => v !== undefined);
