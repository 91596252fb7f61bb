import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One offending input of a 400 VALIDATION_FAILED (see validation.pipe.ts). */
export class FieldProblemDto {
  @ApiProperty({ example: 'milestones.0.dueDate', description: 'Dotted path of the input (body field, query parameter, path segment or header)' })
  field: string;

  @ApiProperty({ example: 'MATCHES', description: 'Stable machine code of the rule that failed' })
  code: string;

  @ApiProperty({ example: 'must be a date YYYY-MM-DD' })
  message: string;
}

/**
 * RFC 9457 problem details, as ProblemDetailsFilter writes them (application/problem+json). Some
 * codes add members of their own, as RFC 9457 section 3.2 allows (e.g. `current` with 409
 * VERSION_CONFLICT, `allowed` with 409 INVALID_TRANSITION, `requiredRoles` with 403 ROLE_REQUIRED).
 */
export class ProblemDto {
  @ApiProperty({ example: 'https://drogenrapport.invalid/problems/validation-failed', description: 'Identifies the kind of problem; derived from `code`' })
  type: string;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP status in words' })
  title: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine code: clients decide on this, never on `detail`' })
  code: string;

  @ApiProperty({ example: 'deadline: must be a date YYYY-MM-DD', description: 'Plain-English explanation for a person' })
  detail: string;

  @ApiPropertyOptional({ example: '/api/v1/measures', description: 'The path that was called' })
  instance?: string;

  @ApiPropertyOptional({ example: '5f0c8a44-6a41-4a4e-9a55-3f7f3c1b2d9e', description: 'Also in the X-Request-Id header; tell IT this id' })
  requestId?: string;

  @ApiPropertyOptional({ example: 'deadline', description: 'The input that was wrong, where there is one' })
  field?: string;

  @ApiPropertyOptional({ type: FieldProblemDto, isArray: true, description: 'With VALIDATION_FAILED: every offending input' })
  errors?: FieldProblemDto[];
}
