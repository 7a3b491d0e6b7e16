/** Slovenian and Austrian names, so the demo accounts read like real customers. */
export const slovenianFirstNames = [
  'Ana', 'Maja', 'Nina', 'Eva', 'Sara', 'Petra', 'Katja', 'Urška', 'Tina', 'Mojca', 'Barbara', 'Nataša',
  'Špela', 'Tjaša', 'Lara', 'Neža', 'Jure', 'Luka', 'Matej', 'Rok', 'Žiga', 'Gregor', 'Miha', 'Andrej',
  'Marko', 'Tomaž', 'Aleš', 'Blaž', 'Primož', 'Boštjan', 'Janez', 'Uroš', 'Jan', 'Nejc', 'Anže', 'Klemen',
];

export const slovenianLastNames = [
  'Novak', 'Horvat', 'Kovačič', 'Krajnc', 'Zupančič', 'Potočnik', 'Kovač', 'Mlakar', 'Kos', 'Vidmar',
  'Golob', 'Turk', 'Kralj', 'Zupan', 'Bizjak', 'Hribar', 'Korošec', 'Rozman', 'Kotnik', 'Oblak', 'Petek',
  'Kolar', 'Žagar', 'Košir', 'Hočevar', 'Kastelic', 'Koren', 'Zajc', 'Medved', 'Pirc', 'Jerman', 'Breznik',
];

export const austrianFirstNames = ['Lukas', 'Anna', 'Felix', 'Lena', 'Jakob', 'Sophie', 'Maximilian', 'Hannah'];
export const austrianLastNames = ['Gruber', 'Huber', 'Wagner', 'Pichler', 'Steiner', 'Moser', 'Mayer', 'Hofer'];

/** ASCII form of a name for an email address (č → c, š → s, ž → z, ...). */
export function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
