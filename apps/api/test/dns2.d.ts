/** The few parts of dns2 (no types of its own) the tests' DNS server uses. */
declare module 'dns2' {
  interface Question {
    name: string;
    type: number;
  }
  interface Packet {
    questions: Question[];
    answers: Record<string, unknown>[];
  }
  interface DnsServer {
    listen(options: { udp?: { port: number; address: string } }): Promise<{ udp?: { port: number } }>;
    addresses(): { udp?: { port: number; address: string } };
    close(): Promise<void>;
  }
  const dns2: {
    Packet: {
      TYPE: Record<string, number>;
      CLASS: Record<string, number>;
      createResponseFromRequest(request: Packet): Packet;
    };
    createServer(options: { udp?: boolean; handle(request: Packet, send: (response: Packet) => void): void }): DnsServer;
  };
  export default dns2;
}
