import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The fixed list of substances a development can name; admins can extend it. */
@Entity('substances')
export class Substance {
  @PrimaryColumn('text') code: string;
  @Column('text') label: string;
  @Column('boolean', { default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
