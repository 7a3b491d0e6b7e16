import { graphql } from '../../gql/vendor';

export const BrandFieldsFragment = graphql(`
  fragment BrandFields on Brand {
    name
    primaryColor
    accentColor
    logoUrl
    supportEmail
    supportUrl
    termsUrl
    privacyUrl
    isDefault
  }
`);

export const BrandSettingsDocument = graphql(`
  query BrandSettings {
    brand {
      ...BrandFields
    }
  }
`);

export const UpdateBrandDocument = graphql(`
  mutation UpdateBrand($input: UpdateBrandInput!) {
    updateBrand(input: $input) {
      ...BrandFields
    }
  }
`);

export const SetBrandLogoDocument = graphql(`
  mutation SetBrandLogo($input: SetBrandLogoInput!) {
    setBrandLogo(input: $input) {
      ...BrandFields
    }
  }
`);

export const RemoveBrandLogoDocument = graphql(`
  mutation RemoveBrandLogo {
    removeBrandLogo {
      ...BrandFields
    }
  }
`);
