import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreateInstallPackageInput, DownloadLink, InstallPackage, InstallPackageConnection, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { createInstallPackage, installPackageDownloadLink, listInstallPackages } from './install-packages.service.js';

@Resolver()
export class InstallPackagesResolver {
  @Allow(Permission.ReadProducts)
  @Query(() => InstallPackageConnection, {
    description: 'Custom install packages with build status and progress, the newest first: a User sees their own, admins the whole account.',
  })
  installPackages(
    @Ctx() ctx: AccountContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 25).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor` of the previous page).' })
    after?: string,
  ): Promise<InstallPackageConnection> {
    return listInstallPackages(ctx, { first, after });
  }

  @Allow(Permission.UseProducts)
  @Mutation(() => InstallPackage, { description: 'F-24: queue a custom install package for building in the background.' })
  createInstallPackage(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => CreateInstallPackageInput, { description: 'What to put in the package.' }) input: CreateInstallPackageInput,
  ): Promise<InstallPackage> {
    return createInstallPackage(ctx, input);
  }

  @Allow(Permission.UseProducts)
  @Mutation(() => DownloadLink, { description: 'A signed, expiring link to the built archive of a package.' })
  createInstallPackageDownloadLink(
    @Ctx() ctx: AccountContext,
    @Arg('id', () => UUID, { description: 'The package.' }) id: string,
  ): Promise<DownloadLink> {
    return installPackageDownloadLink(ctx, id);
  }
}
