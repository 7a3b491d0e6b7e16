import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { InstallPackageStatus, Platform } from './product-enums.js';
import { UUID } from '../common/uuid.scalar.js';

@ObjectType({ description: 'Install settings written into a custom package.' })
export class InstallSettings {
  @Field(() => String, { description: 'Folder to install into.' })
  installPath!: string;

  @Field(() => Boolean, { description: 'Whether to create a desktop shortcut.' })
  desktopShortcut!: boolean;

  @Field(() => Boolean, { description: 'Whether to install without asking questions.' })
  silent!: boolean;
}

@ObjectType({ description: 'A custom install package, built in the background into a downloadable archive (F-24).' })
export class InstallPackage {
  @Field(() => ID, { description: 'Identifier of the package.' })
  id!: string;

  @Field(() => String, { description: 'Name given to the package.' })
  name!: string;

  @Field(() => String, { description: 'Name of the product.' })
  productName!: string;

  @Field(() => String, { description: 'The product version.' })
  version!: string;

  @Field(() => Platform, { description: 'Platform of the package.' })
  platform!: Platform;

  @Field(() => String, { description: 'Language of the package.' })
  language!: string;

  @Field(() => [String], { description: 'Names of the add-ons included.' })
  addOns!: string[];

  @Field(() => InstallSettings, { description: 'Install settings.' })
  settings!: InstallSettings;

  @Field(() => InstallPackageStatus, { description: 'Where the build stands.' })
  status!: InstallPackageStatus;

  @Field(() => Int, { description: 'Build progress, 0 to 100.' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Why the build failed.' })
  error!: string | null;

  @Field(() => Float, { nullable: true, description: 'Size of the archive in bytes, once built.' })
  size!: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 checksum of the archive, once built.' })
  sha256!: string | null;

  @Field(() => Date, { description: 'When the package was requested.' })
  createdAt!: Date;
}

@InputType({ description: 'Install settings for a custom package.' })
export class InstallSettingsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Folder to install into: one line of at most 200 characters, on Windows without ", % or !; the platform default when omitted.',
  })
  installPath?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Create a desktop shortcut (default true).' })
  desktopShortcut?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Install without questions (default false).' })
  silent?: boolean | null;
}

@InputType({ description: 'What to put into a custom install package.' })
export class CreateInstallPackageInput {
  @Field(() => String, { description: 'Name of the package: 1 to 100 characters on one line, without control characters.' })
  name!: string;

  @Field(() => UUID, { description: 'The product.' })
  productId!: string;

  @Field(() => UUID, { description: 'A version of that product the person is entitled to.' })
  versionId!: string;

  @Field(() => Platform, { description: 'Platform to build for.' })
  platform!: Platform;

  @Field(() => String, { description: 'Language of the installer, e.g. `en-US`.' })
  language!: string;

  @Field(() => [UUID], { nullable: true, description: 'Add-ons of that version to include.' })
  addOnIds?: string[] | null;

  @Field(() => InstallSettingsInput, { nullable: true, description: 'Install settings.' })
  settings?: InstallSettingsInput | null;
}

export const InstallPackageConnection = connectionTypes(InstallPackage, 'InstallPackage', { one: 'install package', many: 'install packages',
  page: "A page of custom install packages (a User's own, the whole account's for admins), the newest first.",
  total: 'How many install packages there are, on all pages together.' });
export type InstallPackageConnection = InstanceType<typeof InstallPackageConnection>;
