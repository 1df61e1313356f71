#!/bin/sh
# The secret files docker-compose.yml mounts, in ./secrets/: a random value for each one that is missing or
# empty (48 URL-safe characters); existing ones are kept. Readable by the containers' uid 10001 (mode 644)
# inside a folder that only its owner can enter (mode 700). Then: docker compose up -d
set -eu
cd "$(dirname "$0")/.."
mkdir -p secrets
chmod 700 secrets
for name in kuaiban_jwt_secret kuaiban_admin_password kuaiban_database_password kuaiban_metrics_token; do
    file="secrets/$name"
    if [ -s "$file" ]; then
        echo "kept     $file"
        continue
    fi
    (umask 077 && head -c 36 /dev/urandom | base64 | tr '+/' '-_' > "$file")
    chmod 644 "$file"
    echo "created  $file"
done
echo "log in as admin with the password in secrets/kuaiban_admin_password"
