import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Facts about this Seatwise server that a client may show before anyone signs in.' })
export class ServerInfo {
  @Field(() => String, { description: 'Version of the Seatwise API.' })
  version!: string;

  @Field(() => Boolean, {
    description: 'Whether the server runs with demo data (SEATWISE_DEMO=1); the sign-in page then shows the demo sign-in.',
  })
  demo!: boolean;

  @Field(() => Boolean, {
    description: 'Whether this server offers the GraphQL playground at /playground (off in production unless GRAPHQL_PLAYGROUND=1).',
  })
  playground!: boolean;
}
