import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CreateInstallPackageInput, DownloadLink, InstallPackage } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { createInstallPackage, installPackageDownloadLink, listInstallPackages } from './install-packages.service.js';

@Resolver()
export class InstallPackagesResolver {
  @Authorized()
  @Query(() => [InstallPackage], { description: 'Custom install packages with build status and progress: a User sees their own, admins the whole account.' })
  installPackages(@Ctx() ctx: AccountContext): Promise<InstallPackage[]> {
    return listInstallPackages(ctx);
  }

  @Authorized()
  @Mutation(() => InstallPackage, { description: 'F-24: queue a custom install package for building in the background.' })
  createInstallPackage(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => CreateInstallPackageInput, { description: 'What to put in the package.' }) input: CreateInstallPackageInput,
  ): Promise<InstallPackage> {
    return createInstallPackage(ctx, input);
  }

  @Authorized()
  @Mutation(() => DownloadLink, { description: 'A signed, expiring link to the built archive of a package.' })
  createInstallPackageDownloadLink(
    @Ctx() ctx: AccountContext,
    @Arg('id', () => ID, { description: 'The package.' }) id: string,
  ): Promise<DownloadLink> {
    return installPackageDownloadLink(ctx, id);
  }
}
