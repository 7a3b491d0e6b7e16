import { useQuery } from '@apollo/client/react';
import { Anchor, Divider, Paper, Select, Skeleton, Stack, TextInput } from '@mantine/core';
import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '@seatwise/schema/client';
import { chooseLanguage, currentLanguage, languageNames } from '../../i18n';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { countryName, countryOptions } from './countries';
import { EditableRow } from './EditableRow';
import { NameFields } from './NameFields';
import { MyProfileDocument } from './profile.graphql';
import { useProfileSave } from './useProfileSave';

const languageOptions: { value: Language; label: string }[] = [
  { value: 'EN', label: languageNames.en },
  { value: 'SL', label: languageNames.sl },
];

/** F-04: name, email, phone, company, country and language, each edited in place. */
export function ProfileTab() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MyProfileDocument);
  const { save, saving, errors, setErrors, clearErrors } = useProfileSave();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [phone, setPhone] = useState('');
  const [company, setCompany] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [profileLanguage, setProfileLanguage] = useState<string | null>(null);

  if (error && !data) return <ErrorPanel onRetry={() => void refetch()} />;
  if (loading || !data) return <Skeleton height={320} radius="md" />;
  const profile = data.myProfile;

  const prettyPhone = profile.phone ? (parsePhoneNumberFromString(profile.phone)?.formatInternational() ?? profile.phone) : '';

  return (
    <Paper withBorder radius="md" px="lg" py="xs">
      <Stack gap={0}>
        <FormError message={errors.form} my="sm" />
        <EditableRow
          label={t('profile.fields.name')}
          value={`${profile.firstName} ${profile.lastName}`}
          onEdit={() => {
            clearErrors();
            setFirstName(profile.firstName);
            setLastName(profile.lastName);
          }}
          saving={saving}
          onSave={() => save({ firstName, lastName })}
          editor={
            <NameFields
              firstName={firstName}
              lastName={lastName}
              errors={errors}
              onFirstName={setFirstName}
              onLastName={setLastName}
              autoFocus
            />
          }
        />
        <Divider />
        <EditableRow
          label={t('profile.fields.email')}
          value={profile.email}
          saving={false}
          onSave={() => Promise.resolve(true)}
          editor={null}
          readOnlyHint={
            <Anchor component={Link} to="/profile/security" size="sm">
              {t('profile.changeEmailInSecurity')}
            </Anchor>
          }
        />
        <Divider />
        <EditableRow
          label={t('profile.fields.phone')}
          value={prettyPhone}
          onEdit={() => {
            clearErrors();
            setPhone(prettyPhone);
          }}
          saving={saving}
          onSave={() => {
            const text = phone.trim();
            if (text && !isValidPhoneNumber(text, (profile.country ?? undefined) as CountryCode | undefined)) {
              setErrors({ phone: t('profile.errors.phone') });
              return Promise.resolve(false);
            }
            return save({ phone: text || null });
          }}
          editor={
            <TextInput
              label={t('profile.fields.phone')}
              description={t('profile.phoneHint')}
              type="tel"
              autoComplete="tel"
              value={phone}
              error={errors.phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
            />
          }
        />
        <Divider />
        <EditableRow
          label={t('profile.fields.company')}
          value={profile.company ?? ''}
          onEdit={() => {
            clearErrors();
            setCompany(profile.company ?? '');
          }}
          saving={saving}
          onSave={() => save({ company: company.trim() || null })}
          editor={
            <TextInput
              label={t('profile.fields.company')}
              autoComplete="organization"
              maxLength={200}
              value={company}
              error={errors.company}
              onChange={(event) => setCompany(event.currentTarget.value)}
            />
          }
        />
        <Divider />
        <EditableRow
          label={t('profile.fields.country')}
          value={profile.country ? countryName(profile.country, language) : ''}
          onEdit={() => {
            clearErrors();
            setCountry(profile.country ?? null);
          }}
          saving={saving}
          onSave={() => save({ country: country ?? null })}
          editor={
            <Select
              label={t('profile.fields.country')}
              data={countries}
              value={country}
              searchable
              clearable
              nothingFoundMessage={t('profile.noCountry')}
              error={errors.country}
              onChange={setCountry}
            />
          }
        />
        <Divider />
        <EditableRow
          label={t('profile.fields.language')}
          value={profile.language === 'SL' ? languageNames.sl : languageNames.en}
          onEdit={() => {
            clearErrors();
            setProfileLanguage(profile.language);
          }}
          saving={saving}
          onSave={async () => {
            const chosen = profileLanguage === 'SL' ? 'SL' : 'EN';
            const saved = await save({ language: chosen });
            if (saved) await chooseLanguage(chosen === 'SL' ? 'sl' : 'en');
            return saved;
          }}
          editor={
            <Select
              label={t('profile.fields.language')}
              data={languageOptions}
              value={profileLanguage}
              allowDeselect={false}
              error={errors.language}
              onChange={setProfileLanguage}
            />
          }
        />
      </Stack>
    </Paper>
  );
}
