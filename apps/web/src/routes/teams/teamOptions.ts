import { nodesOf } from '../../ui/connection';

/** A team picker's options from a page of teams (the `TeamChoices` fragment). */
export const teamOptions = (teams: { edges: { node: { id: string; name: string } }[] } | null | undefined) =>
  nodesOf(teams).map((team) => ({ value: team.id, label: team.name }));
