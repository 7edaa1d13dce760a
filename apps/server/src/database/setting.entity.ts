import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Installation-wide values the service generates once (root key hash, a fallback encryption key). */
@Entity({ name: 'settings' })
export class Setting {
  @PrimaryColumn('text')
  name: string;

  @Column('text')
  value: string;
}
