import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '#domain/common/domain-error.js';

/**
 * Path ids must be UUIDs: refuses early with a clear 400, and keeps `findOneBy({ id: undefined })`
 * (typeorm #2500, returns the first row) out of reach.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new DomainError(400, 'INVALID_ID', 'The id in the address is not a valid id (UUID).', 'id');
    return value;
  }
}
