// A load balancer for the browser journeys across several instances (issue 13): every
// request goes to the next instance in turn, with no stickiness, so a journey's login, its
// form posts and its logout land on different instances, as behind a real balancer.
//
//   E2E_PORT=3100 E2E_INSTANCE_PORTS=3101,3102,3103 node round-robin.mjs
import http from 'node:http';

const port = Number(process.env.E2E_PORT ?? 3100);
const instances = (process.env.E2E_INSTANCE_PORTS ?? '').split(',').filter(Boolean).map(Number);
if (instances.length === 0) throw new Error('E2E_INSTANCE_PORTS names no instance');
let next = 0;

const agent = new http.Agent({ keepAlive: true });
const server = http.createServer((request, response) => {
  const target = instances[next];
  next = (next + 1) % instances.length;
  const upstream = http.request(
    {
      host: '127.0.0.1',
      port: target,
      method: request.method,
      path: request.url,
      // The Host the browser sent stays: the instances know the public address as this one.
      headers: request.headers,
      agent,
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`instance on port ${target}: ${error.message}`);
  });
  request.pipe(upstream);
});
server.listen(port, '127.0.0.1', () =>
  console.log(`round robin on 127.0.0.1:${port} across ports ${instances.join(', ')}`),
);
