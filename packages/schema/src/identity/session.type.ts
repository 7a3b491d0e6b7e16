import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';

@ObjectType({ description: 'A browser or device where the person is signed in (F-03).' })
export class ActiveSession {
  @Field(() => ID, { description: 'Identifier of the session (not its secret token).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Browser and version, e.g. "Chrome 142"; null when unknown.' })
  browser!: string | null;

  @Field(() => String, { nullable: true, description: 'Operating system, e.g. "Windows 11"; null when unknown.' })
  os!: string | null;

  @Field(() => String, { nullable: true, description: 'Kind of device: desktop, mobile or tablet; null when unknown.' })
  deviceType!: string | null;

  @Field(() => String, { nullable: true, description: 'IP address the sign-in came from.' })
  ip!: string | null;

  @Field(() => Date, { description: 'When the person signed in there.' })
  signedInAt!: Date;

  @Field(() => Date, { description: 'When the session was last used (updated at most once a minute).' })
  lastSeenAt!: Date;

  @Field(() => Date, { description: 'When the session ends by itself.' })
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'True for the session making this request.' })
  current!: boolean;
}

export const ActiveSessionConnection = connectionTypes(ActiveSession, 'ActiveSession', { one: 'session', many: 'sessions',
  page: 'A page of the live sessions: the one asking first, then the latest signed in.',
  total: 'How many live sessions the person has, on all pages together.' });
export type ActiveSessionConnection = InstanceType<typeof ActiveSessionConnection>;
export type ActiveSessionEdge = ActiveSessionConnection['edges'][number];
