import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { DownloadLink, PageArgs, Platform, ProductDownloads, ProductEntitlement, ProductFileConnection, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { createDownloadLinks } from './file-downloads.service.js';
import { listEntitlements, listProductUpdates, productDownloads } from './products.service.js';

@Resolver()
export class ProductsResolver {
  @Allow(Permission.ReadProducts)
  @Query(() => [ProductEntitlement], {
    description: 'F-20 "All Products and Services": what the account (for a User: the person) is entitled to, with licences, versions, serial numbers, product keys, updates and add-ons.',
  })
  productEntitlements(@Ctx() ctx: AccountContext): Promise<ProductEntitlement[]> {
    return listEntitlements(ctx);
  }

  @Allow(Permission.ReadProducts)
  @Query(() => ProductDownloads, { description: 'F-21 "View downloads": installers of one entitled version, for a platform and language.' })
  productDownloads(
    @Ctx() ctx: AccountContext,
    @Arg('versionId', () => UUID, { description: 'An entitled product version.' }) versionId: string,
    @Arg('platform', () => Platform, { nullable: true, description: 'Only installers for this platform.' }) platform?: Platform,
    @Arg('language', () => String, { nullable: true, description: 'Only installers in this language (e.g. `en-US`).' }) language?: string,
  ): Promise<ProductDownloads> {
    return productDownloads(ctx, { versionId, platform, language });
  }

  @Allow(Permission.ReadProducts)
  @Query(() => ProductFileConnection, { description: 'F-25 "Product Updates": every update of the software the person may download, newest first.' })
  productUpdates(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ProductFileConnection> {
    return listProductUpdates(ctx, page);
  }

  @Allow(Permission.UseProducts)
  @Mutation(() => [DownloadLink], {
    description: 'Signed, expiring download links for one or several entitled files (installers, updates, add-ons), in the order asked.',
  })
  createDownloadLinks(
    @Ctx() ctx: AccountContext,
    @Arg('fileIds', () => [UUID], { description: 'Files to download, 1 to 100.' }) fileIds: string[],
  ): Promise<DownloadLink[]> {
    return createDownloadLinks(ctx, fileIds);
  }
}
