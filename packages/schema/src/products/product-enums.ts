import { registerEnumType } from 'type-graphql';
import { ProductKind, Platform, ProductFileKind, InstallMethod, InstallPackageStatus, LicenceRequestKind } from '../client/enums.js';

export { ProductKind, Platform, ProductFileKind, InstallMethod, InstallPackageStatus, LicenceRequestKind };

registerEnumType(ProductKind, {
  name: 'ProductKind',
  description: 'Whether a product is installed software or a service used in the cloud.',
  valuesConfig: {
    SOFTWARE: { description: 'Desktop software with versions, installers and activation.' },
    CLOUD_SERVICE: { description: 'A cloud service: nothing to download or activate.' },
  },
});

registerEnumType(Platform, {
  name: 'Platform',
  description: 'Operating system an installer is built for.',
  valuesConfig: {
    WINDOWS: { description: 'Windows 64-bit.' },
    MACOS: { description: 'macOS.' },
    LINUX: { description: 'Linux 64-bit.' },
  },
});

registerEnumType(ProductFileKind, {
  name: 'ProductFileKind',
  description: 'What a downloadable file of a product version is.',
  valuesConfig: {
    INSTALLER: { description: 'The full installer of the version.' },
    UPDATE: { description: 'An update (hotfix or service pack) of an installed version.' },
    ADD_ON: { description: 'An add-on that extends the version.' },
  },
});

registerEnumType(InstallMethod, {
  name: 'InstallMethod',
  description: 'A way to get a product onto a computer ("View all" on View downloads).',
  valuesConfig: {
    INSTALL_NOW: {
      description:
        'Download and install in one step, activated automatically: it needs an install helper on the computer, which this server does not provide, so `productDownloads.methods` does not list it.',
    },
    DOWNLOAD_MANAGER: { description: 'Download the installer with the download manager, install later.' },
    BROWSER_DOWNLOAD: { description: 'Download the installer file in the browser, resumable, with a SHA-256 checksum.' },
  },
});

registerEnumType(InstallPackageStatus, {
  name: 'InstallPackageStatus',
  description: 'Where the background build of a custom install package stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being built; see `progress`.' },
    SUCCEEDED: { description: 'Built: the archive can be downloaded.' },
    FAILED: { description: 'The build failed after every retry; see `error`.' },
  },
});

registerEnumType(LicenceRequestKind, {
  name: 'LicenceRequestKind',
  description: 'What a licence request asked for.',
  valuesConfig: {
    HOME_USE: { description: 'Activation of a single-user licence on a home computer.' },
    NETWORK: { description: 'A network licence file for a licence server.' },
  },
});
