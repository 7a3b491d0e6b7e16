import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  AddProductVersionInput,
  CatalogueProduct,
  CatalogueProductConnection,
  CatalogueProductsFilter,
  CreateCatalogueProductInput,
  CreateFileUploadInput,
  FileUpload,
  PublishProductVersionInput,
  SetProductVersionStatusInput,
  SetTrialOfferInput,
  UpdateCatalogueProductInput,
  UUID,
} from '@seatwise/schema';
import { Idempotent } from '../../graphql/idempotency.js';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import {
  addProductVersion,
  createCatalogueProduct,
  findCatalogueProduct,
  listCatalogueProducts,
  publishProductVersion,
  setProductVersionStatus,
  setTrialOffer,
  updateCatalogueProduct,
} from './catalogue.service.js';
import { cancelFileUpload, createFileUpload } from './catalogue-uploads.service.js';

/** The vendor's catalogue in the Vendor console (issue 16, V-03): operators change it, support reads it. */
@Resolver()
export class CatalogueResolver {
  @AllowVendor(VendorPermission.READ_CATALOGUE)
  @Query(() => CatalogueProductConnection, { description: "The vendor's products by name, with their versions and files: search by code or name, pages." })
  catalogueProducts(
    @Ctx() ctx: StaffContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (25 when omitted).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
    @Arg('filter', () => CatalogueProductsFilter, { nullable: true, description: 'Which products.' }) filter?: CatalogueProductsFilter | null,
  ): Promise<CatalogueProductConnection> {
    return listCatalogueProducts(ctx, { first, after, filter });
  }

  @AllowVendor(VendorPermission.READ_CATALOGUE)
  @Query(() => CatalogueProduct, { description: 'One product of the catalogue with its versions, files and unfinished uploads.' })
  catalogueProduct(@Ctx() ctx: StaffContext, @Arg('id', () => UUID, { description: 'The product.' }) id: string): Promise<CatalogueProduct> {
    return findCatalogueProduct(ctx, id);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => CatalogueProduct, { description: 'Adds a product to the catalogue; its code is unique (PRODUCT_CODE_TAKEN).' })
  @Idempotent()
  createCatalogueProduct(@Arg('input', () => CreateCatalogueProductInput, { description: 'The product.' }) input: CreateCatalogueProductInput, @Ctx() ctx: StaffContext): Promise<CatalogueProduct> {
    return createCatalogueProduct(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => CatalogueProduct, { description: 'Changes the name, description or licence types of a product (STALE_CHANGE when it changed since `expectedRevision`).' })
  @Idempotent()
  updateCatalogueProduct(@Arg('input', () => UpdateCatalogueProductInput, { description: 'The change.' }) input: UpdateCatalogueProductInput, @Ctx() ctx: StaffContext): Promise<CatalogueProduct> {
    return updateCatalogueProduct(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => CatalogueProduct, { description: 'Sets or stops the trial offer of a product: how many days a trial customers start lasts.' })
  @Idempotent()
  setTrialOffer(@Arg('input', () => SetTrialOfferInput, { description: 'The offer.' }) input: SetTrialOfferInput, @Ctx() ctx: StaffContext): Promise<CatalogueProduct> {
    return setTrialOffer(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => CatalogueProduct, { description: 'Adds a draft version to a product; customers see it once it is published.' })
  @Idempotent()
  addProductVersion(@Arg('input', () => AddProductVersionInput, { description: 'The version.' }) input: AddProductVersionInput, @Ctx() ctx: StaffContext): Promise<CatalogueProduct> {
    return addProductVersion(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => CatalogueProduct, { description: 'Makes a published version current, previous or retired.' })
  @Idempotent()
  setProductVersionStatus(@Arg('input', () => SetProductVersionStatusInput, { description: 'The change.' }) input: SetProductVersionStatusInput, @Ctx() ctx: StaffContext): Promise<CatalogueProduct> {
    return setProductVersionStatus(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => CatalogueProduct, {
    description: "Publishes a draft version: it becomes current, reaches entitled customers' latest updates, and those who want product updates get a mail.",
  })
  @Idempotent()
  publishProductVersion(@Arg('input', () => PublishProductVersionInput, { description: 'The version.' }) input: PublishProductVersionInput, @Ctx() ctx: StaffContext): Promise<CatalogueProduct> {
    return publishProductVersion(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => FileUpload, { description: 'Begins the upload of a file of a version; PATCH its bytes to the `url` answered (FILE_TOO_LARGE above the limit).' })
  @Idempotent()
  createFileUpload(@Arg('input', () => CreateFileUploadInput, { description: 'The file.' }) input: CreateFileUploadInput, @Ctx() ctx: StaffContext): Promise<FileUpload> {
    return createFileUpload(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CATALOGUE)
  @Mutation(() => Boolean, { description: 'Cancels an unfinished upload: the bytes received so far are deleted.' })
  cancelFileUpload(@Arg('id', () => UUID, { description: 'The upload.' }) id: string, @Ctx() ctx: StaffContext): Promise<boolean> {
    return cancelFileUpload(ctx, id);
  }
}
