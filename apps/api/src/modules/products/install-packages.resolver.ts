import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { CreateInstallPackageInput, DownloadLink, InstallPackage, InstallPackageConnection, PageArgs, UUID } from '@seatwise/schema';
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
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<InstallPackageConnection> {
    return listInstallPackages(ctx, page);
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
