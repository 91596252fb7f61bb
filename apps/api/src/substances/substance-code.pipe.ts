import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '#domain/common/domain-error.js';
import { SUBSTANCE_CODE_PATTERN } from './dto/substance.dto.js';

/** Substance codes in the path must look like codes; refuses early with a clear 400. */
@Injectable()
export class SubstanceCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SUBSTANCE_CODE_PATTERN.test(value)) throw new DomainError(400, 'INVALID_CODE', 'The substance code in the address is not valid.', 'code');
    return value;
  }
}
