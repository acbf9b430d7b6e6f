#!/usr/bin/env bash
# Makes the test certificates for the https tests of src/http: a CA, and a
# certificate for localhost and 127.0.0.1 it signs, valid for a century.
# DER files, so the tests need no PEM reader. Run once; the output is checked in.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 36500 \
    -subj "/CN=bashio test CA" -keyout "${work}/ca.key" -out "${work}/ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign"
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=localhost" -keyout "${work}/server.key" -out "${work}/server.csr"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > "${work}/ext"
openssl x509 -req -in "${work}/server.csr" -CA "${work}/ca.pem" -CAkey "${work}/ca.key" \
    -CAcreateserial -days 36500 -extfile "${work}/ext" -out "${work}/server.pem"
openssl x509 -in "${work}/ca.pem" -outform DER -out ca.der
openssl x509 -in "${work}/server.pem" -outform DER -out server.der
openssl pkcs8 -topk8 -nocrypt -in "${work}/server.key" -outform DER -out server.key.der
