import { Field, Float, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { InstallMethod, Platform, ProductFileKind } from './product-enums.js';

@ObjectType({ description: 'A downloadable file of a product version: installer, update or add-on.' })
export class ProductFile {
  @Field(() => ID, { description: 'Identifier of the file.' })
  id!: string;

  @Field(() => ProductFileKind, { description: 'Installer, update or add-on.' })
  kind!: ProductFileKind;

  @Field(() => String, { description: 'Name shown to users, e.g. "Drafter 2026 Update 2".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the update or add-on changes.' })
  description!: string | null;

  @Field(() => ID, { description: 'The product the file belongs to.' })
  productId!: string;

  @Field(() => String, { description: 'Name of the product.' })
  productName!: string;

  @Field(() => ID, { description: 'The product version the file belongs to.' })
  versionId!: string;

  @Field(() => String, { description: 'The version, e.g. "2026".' })
  version!: string;

  @Field(() => Platform, { description: 'Operating system of the file.' })
  platform!: Platform;

  @Field(() => String, { description: 'Language of the file (BCP 47 tag, e.g. `en-US`).' })
  language!: string;

  @Field(() => String, { description: 'File name the download is saved as.' })
  fileName!: string;

  @Field(() => Float, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 checksum of the file, hexadecimal, to check a download against.' })
  sha256!: string;

  @Field(() => String, { description: 'Release date (YYYY-MM-DD).' })
  releasedAt!: string;
}

@ObjectType({ description: 'A signed, expiring link to download one file; the server checks the entitlement again when it is used.' })
export class DownloadLink {
  @Field(() => String, { description: 'Path of the download (relative to the server); supports HTTP Range to resume.' })
  url!: string;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;

  @Field(() => String, { description: 'File name the download is saved as.' })
  fileName!: string;

  @Field(() => Float, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 checksum of the file, hexadecimal.' })
  sha256!: string;
}

@ObjectType({ description: 'One way of installing, with what it offers, for the comparison on "View all".' })
export class InstallMethodInfo {
  @Field(() => InstallMethod, { description: 'The method.' })
  method!: InstallMethod;

  @Field(() => Boolean, { description: 'Whether the product is installed directly, without running the installer yourself.' })
  installsDirectly!: boolean;

  @Field(() => Boolean, { description: 'Whether the product is activated automatically after installing.' })
  activatesAutomatically!: boolean;

  @Field(() => Boolean, { description: 'Whether an interrupted download resumes where it stopped.' })
  resumable!: boolean;

  @Field(() => Boolean, { description: 'Whether the installer file is kept, to install on other computers.' })
  keepsInstaller!: boolean;

  @Field(() => Boolean, { description: 'Whether a helper app must be installed first.' })
  needsHelperApp!: boolean;
}

@ObjectType({ description: 'What can be downloaded for one product version (F-21 "View downloads").' })
export class ProductDownloads {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => String, { description: 'Name of the product.' })
  productName!: string;

  @Field(() => ID, { description: 'The product version.' })
  versionId!: string;

  @Field(() => String, { description: 'The version, e.g. "2026".' })
  version!: string;

  @Field(() => [Platform], { description: 'Platforms with an installer for this version.' })
  platforms!: Platform[];

  @Field(() => [String], { description: 'Languages with an installer for this version.' })
  languages!: string[];

  @Field(() => [ProductFile], { description: 'Installers matching the chosen platform and language.' })
  installers!: ProductFile[];

  @Field(() => [InstallMethodInfo], { description: 'The install methods and how they compare.' })
  methods!: InstallMethodInfo[];
}

export const ProductFileConnection = connectionTypes(ProductFile, 'ProductFile', { one: 'file', many: 'files',
  page: 'A page of product files, the latest released first.',
  total: 'How many files the list has, on all pages together.' });
export type ProductFileConnection = InstanceType<typeof ProductFileConnection>;
