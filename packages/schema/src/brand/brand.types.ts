import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: "The vendor's brand: shown on the sign-in page, in the SPA and in every mail. Public: it needs no sign-in." })
export class Brand {
  @Field(() => String, { description: 'The name people see, e.g. on the sign-in page and as the sender of mails.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Main colour as #rrggbb; null keeps the default look.' })
  primaryColor!: string | null;

  @Field(() => String, { nullable: true, description: 'Second colour as #rrggbb (mail headers); null for none.' })
  accentColor!: string | null;

  @Field(() => String, { nullable: true, description: 'Address of the logo image (served by the API); null for none.' })
  logoUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address of support.' })
  supportEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Web page of support (http or https).' })
  supportUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Terms of use (http or https).' })
  termsUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Privacy policy (http or https).' })
  privacyUrl!: string | null;

  @Field(() => Boolean, { description: 'True while nothing has been set: the look Seatwise ships with.' })
  isDefault!: boolean;
}

@InputType({ description: "The vendor's brand; an empty optional field clears it." })
export class UpdateBrandInput {
  @Field(() => String, { description: 'The name: 1 to 100 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Main colour as #rrggbb.' })
  primaryColor?: string | null;

  @Field(() => String, { nullable: true, description: 'Second colour as #rrggbb.' })
  accentColor?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address of support.' })
  supportEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Web page of support: an http or https address.' })
  supportUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Terms of use: an http or https address.' })
  termsUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Privacy policy: an http or https address.' })
  privacyUrl?: string | null;
}

@InputType({ description: 'A logo image: PNG or JPEG, at most 256 KB.' })
export class SetBrandLogoInput {
  @Field(() => String, { description: 'image/png or image/jpeg (SVG is refused: it can carry scripts).' })
  contentType!: string;

  @Field(() => String, { description: 'The image, base64-encoded.' })
  dataBase64!: string;
}
