export * from './changes-since';
export * from './subscribe';
