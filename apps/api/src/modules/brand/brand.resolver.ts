import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Brand, SetBrandLogoInput, UpdateBrandInput } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import { readBrand, removeBrandLogo, setBrandLogo, updateBrand } from './brand.service.js';

/** The vendor's brand (V-07): read by anyone, the sign-in page first; set in the Vendor console. */
@Resolver()
export class BrandResolver {
  @Allow(Permission.SignInFlow)
  @Query(() => Brand, { description: "The vendor's brand for the sign-in page, the SPA and mails. Needs no sign-in and says nothing else." })
  brand(@Ctx() ctx: RequestContext): Promise<Brand> {
    return readBrand(ctx);
  }

  @AllowVendor(VendorPermission.MANAGE_BRAND)
  @Mutation(() => Brand, { description: 'Sets the name, colours, support contact and legal links (operators only). A wrong field is named and nothing is written.' })
  updateBrand(@Arg('input', () => UpdateBrandInput, { description: 'The brand.' }) input: UpdateBrandInput, @Ctx() ctx: StaffContext): Promise<Brand> {
    return updateBrand(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_BRAND)
  @Mutation(() => Brand, { description: 'Sets the logo: a PNG or JPEG of at most 256 KB (operators only).' })
  setBrandLogo(@Arg('input', () => SetBrandLogoInput, { description: 'The image.' }) input: SetBrandLogoInput, @Ctx() ctx: StaffContext): Promise<Brand> {
    return setBrandLogo(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_BRAND)
  @Mutation(() => Brand, { description: 'Removes the logo (operators only).' })
  removeBrandLogo(@Ctx() ctx: StaffContext): Promise<Brand> {
    return removeBrandLogo(ctx);
  }
}
