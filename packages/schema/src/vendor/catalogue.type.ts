import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';
import { ProductVersionStatus } from '../client/enums.js';
import { Platform, ProductFileKind, ProductKind } from '../products/product-enums.js';
import { LicenceType } from '../subscriptions/subscription.enums.js';

export { ProductVersionStatus };

registerEnumType(ProductVersionStatus, {
  name: 'ProductVersionStatus',
  description: "Where a product version stands in the vendor's catalogue.",
  valuesConfig: {
    DRAFT: { description: 'Being prepared: customers do not see it until it is published.' },
    CURRENT: { description: 'Published, the version customers get by default.' },
    PREVIOUS: { description: 'Published, an older version still offered where the licence allows.' },
    RETIRED: { description: 'No longer offered to customers; its files stay for the records.' },
  },
});

@ObjectType({ description: 'A file of a product version in the catalogue: installer, update or add-on.' })
export class CatalogueFile {
  @Field(() => UUID, { description: 'Identifier of the file (the same as customers see).' })
  id!: string;

  @Field(() => ProductFileKind, { description: 'Installer, update or add-on.' })
  kind!: ProductFileKind;

  @Field(() => String, { description: 'Name shown to users.' })
  name!: string;

  @Field(() => Platform, { description: 'Operating system of the file.' })
  platform!: Platform;

  @Field(() => String, { description: 'Language of the file (BCP 47 tag, e.g. `en-US`).' })
  language!: string;

  @Field(() => String, { description: 'File name a download is saved as.' })
  fileName!: string;

  @Field(() => Float, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, computed by the server while they arrived, hexadecimal.' })
  sha256!: string;

  @Field(() => Date, { description: 'When the file was added.' })
  createdAt!: Date;
}

@ObjectType({ description: 'An upload of a file that has begun: send its bytes to `url` (see docs/api.md, "Catalogue uploads").' })
export class FileUpload {
  @Field(() => UUID, { description: 'Identifier of the upload.' })
  id!: string;

  @Field(() => UUID, { description: 'The product version the file will belong to.' })
  versionId!: string;

  @Field(() => ProductFileKind, { description: 'Installer, update or add-on.' })
  kind!: ProductFileKind;

  @Field(() => String, { description: 'Name shown to users.' })
  name!: string;

  @Field(() => Platform, { description: 'Operating system of the file.' })
  platform!: Platform;

  @Field(() => String, { description: 'Language of the file (BCP 47 tag).' })
  language!: string;

  @Field(() => String, { description: 'File name.' })
  fileName!: string;

  @Field(() => Float, { description: 'Size of the whole file in bytes, as declared when the upload began.' })
  size!: number;

  @Field(() => Float, { description: 'Bytes received so far: the offset a resumed upload continues from.' })
  received!: number;

  @Field(() => String, { description: 'Where to PATCH the bytes (with `Upload-Offset`) and HEAD the offset, relative to the server.' })
  url!: string;

  @Field(() => Date, { description: 'When the upload began.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A version of a product in the catalogue.' })
export class CatalogueVersion {
  @Field(() => UUID, { description: 'Identifier of the version.' })
  id!: string;

  @Field(() => UUID, { description: 'The product.' })
  productId!: string;

  @Field(() => String, { description: 'The version, e.g. "2027".' })
  version!: string;

  @Field(() => String, { description: 'Release date (YYYY-MM-DD).' })
  releasedOn!: string;

  @Field(() => ProductVersionStatus, { description: 'Draft, current, previous or retired.' })
  status!: ProductVersionStatus;

  @Field(() => Date, { nullable: true, description: 'When it was published to customers; null while a draft.' })
  publishedAt!: Date | null;

  @Field(() => Int, { description: 'Revision of the record: send it back as `expectedRevision` with a change (STALE_CHANGE when it moved on).' })
  revision!: number;

  @Field(() => [CatalogueFile], { description: 'Its files, installers first (at most a few dozen per version).' })
  files!: CatalogueFile[];

  @Field(() => [FileUpload], { description: 'Uploads of files for it that have begun and not finished.' })
  uploads!: FileUpload[];
}

@ObjectType({ description: "A product of the vendor's catalogue, as the Vendor console sees it." })
export class CatalogueProduct {
  @Field(() => UUID, { description: 'Identifier of the product.' })
  id!: string;

  @Field(() => String, { description: 'Short stable code, unique, e.g. DRF.' })
  code!: string;

  @Field(() => String, { description: 'Name of the product.' })
  name!: string;

  @Field(() => ProductKind, { description: 'Software or cloud service.' })
  kind!: ProductKind;

  @Field(() => String, { nullable: true, description: 'What the product is, for customers.' })
  description!: string | null;

  @Field(() => [LicenceType], { description: 'The licence types the product is offered with.' })
  licenceTypes!: LicenceType[];

  @Field(() => Int, { nullable: true, description: 'Length in days of the trial offered to customers; null when no trial is offered.' })
  trialDays!: number | null;

  @Field(() => Int, { description: 'Revision of the record: send it back as `expectedRevision` with a change (STALE_CHANGE when it moved on).' })
  revision!: number;

  @Field(() => Int, { description: 'Number of versions.' })
  versionCount!: number;

  @Field(() => String, { nullable: true, description: 'The current version, if one is published.' })
  currentVersion!: string | null;

  @Field(() => [CatalogueVersion], { description: 'Its versions, newest release first (a product has a few dozen at most).' })
  versions!: CatalogueVersion[];
}

@ObjectType({ description: 'An edge of a list of catalogue products.' })
export class CatalogueProductEdge {
  @Field(() => String, { description: 'Cursor of this product in the list.' })
  cursor!: string;

  @Field(() => CatalogueProduct, { description: 'The product.' })
  node!: CatalogueProduct;
}

@ObjectType({ description: 'A page of catalogue products, by name.' })
export class CatalogueProductConnection {
  @Field(() => [CatalogueProductEdge], { description: 'The products of this page.' })
  edges!: CatalogueProductEdge[];

  @Field(() => PageInfo, { description: 'Where this page is in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Products matching the search.' })
  totalCount!: number;
}

@InputType({ description: 'Which products of the catalogue to list.' })
export class CatalogueProductsFilter {
  @Field(() => String, { nullable: true, description: 'Part of the code or name, in any case.' })
  search?: string | null;
}

@InputType({ description: 'A new product of the catalogue.' })
export class CreateCatalogueProductInput {
  @Field(() => String, { description: 'Short stable code: 2 to 20 capital letters, digits or hyphens; unique (PRODUCT_CODE_TAKEN).' })
  code!: string;

  @Field(() => String, { description: 'Name, up to 200 characters.' })
  name!: string;

  @Field(() => ProductKind, { nullable: true, description: 'Software (the default) or cloud service.' })
  kind?: ProductKind | null;

  @Field(() => String, { nullable: true, description: 'What the product is, up to 2,000 characters.' })
  description?: string | null;

  @Field(() => [LicenceType], { description: 'The licence types offered; at least one.' })
  licenceTypes!: LicenceType[];
}

@InputType({ description: 'A change to a product; fields left out stay as they are.' })
export class UpdateCatalogueProductInput {
  @Field(() => UUID, { description: 'The product.' })
  id!: string;

  @Field(() => Int, { description: 'The `revision` the change was made on: STALE_CHANGE when someone changed the product since.' })
  expectedRevision!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; an empty text clears it.' })
  description?: string | null;

  @Field(() => [LicenceType], { nullable: true, description: 'New licence types offered; at least one.' })
  licenceTypes?: LicenceType[] | null;
}

@InputType({ description: 'The trial a product offers customers.' })
export class SetTrialOfferInput {
  @Field(() => UUID, { description: 'The product.' })
  productId!: string;

  @Field(() => Int, { description: 'The `revision` of the product the change was made on.' })
  expectedRevision!: number;

  @Field(() => Int, { nullable: true, description: 'Length of the trial, 1 to 365 days; null offers no trial. Trials already started keep their end.' })
  days!: number | null;
}

@InputType({ description: 'A new version of a product, as a draft.' })
export class AddProductVersionInput {
  @Field(() => UUID, { description: 'The product.' })
  productId!: string;

  @Field(() => String, { description: 'The version, e.g. "2027"; unique per product.' })
  version!: string;

  @Field(() => String, { description: 'Release date (YYYY-MM-DD).' })
  releasedOn!: string;
}

@InputType({ description: 'A change of a published version between current, previous and retired.' })
export class SetProductVersionStatusInput {
  @Field(() => UUID, { description: 'The version.' })
  versionId!: string;

  @Field(() => Int, { description: 'The `revision` of the version the change was made on.' })
  expectedRevision!: number;

  @Field(() => ProductVersionStatus, { description: 'CURRENT, PREVIOUS or RETIRED; a version becoming current makes the former current one previous.' })
  status!: ProductVersionStatus;
}

@InputType({ description: 'Publishes a draft version to customers.' })
export class PublishProductVersionInput {
  @Field(() => UUID, { description: 'The version.' })
  versionId!: string;

  @Field(() => Int, { description: 'The `revision` of the version the change was made on.' })
  expectedRevision!: number;
}

@InputType({ description: 'Begins the upload of a file of a product version.' })
export class CreateFileUploadInput {
  @Field(() => UUID, { description: 'The product version.' })
  versionId!: string;

  @Field(() => ProductFileKind, { description: 'Installer, update or add-on.' })
  kind!: ProductFileKind;

  @Field(() => String, { description: 'Name shown to users, up to 200 characters.' })
  name!: string;

  @Field(() => Platform, { description: 'Operating system of the file.' })
  platform!: Platform;

  @Field(() => String, { description: 'Language of the file, a BCP 47 tag such as en-US or sl-SI.' })
  language!: string;

  @Field(() => String, { description: 'File name, up to 200 characters, without folders.' })
  fileName!: string;

  @Field(() => Float, { description: "Size in bytes, 1 up to the server's limit (SEATWISE_UPLOAD_MAX_BYTES; FILE_TOO_LARGE above it)." })
  size!: number;
}
