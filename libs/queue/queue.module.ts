import { Global, Module } from '@nestjs/common';
import { JobProducer } from './job-producer.js';
import { QueueBackend } from './queue-backend.js';

@Global()
@Module({ providers: [QueueBackend, JobProducer], exports: [QueueBackend, JobProducer] })
export class QueueModule {}
