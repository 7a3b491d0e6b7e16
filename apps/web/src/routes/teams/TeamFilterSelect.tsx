import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { teamOptions } from './teamOptions';

/** "View by team": narrows a list to one team, or shows all teams when cleared. */
export function TeamFilterSelect({
  teams,
  value,
  onChange,
  width,
}: {
  teams: Parameters<typeof teamOptions>[0];
  value: string | null;
  onChange: (team: string | null) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('subscriptions.viewByTeam')}
      placeholder={t('subscriptions.allTeams')}
      data={teamOptions(teams)}
      value={value}
      onChange={onChange}
      clearable
      w={width}
    />
  );
}
